package org.dodam.reports.domain;

/** A case moves forward from new to closed; it can step back to in progress until it is closed. */
public enum CaseStatus {
    NEW,
    TRIAGED,
    IN_PROGRESS,
    REFERRED,
    CLOSED;

    public boolean open() {
        return this != CLOSED;
    }
}
