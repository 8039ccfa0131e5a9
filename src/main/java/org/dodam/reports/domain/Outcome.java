package org.dodam.reports.domain;

/** How a case ended, recorded when it is closed. */
public enum Outcome {
    RESOLVED_IN_SCHOOL,
    REFERRED_ELSEWHERE,
    CONTENT_REMOVED,
    NO_FURTHER_ACTION,
    FALSE_REPORT,
    DUPLICATE
}
