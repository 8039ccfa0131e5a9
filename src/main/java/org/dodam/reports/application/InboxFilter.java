package org.dodam.reports.application;

import java.util.EnumSet;
import java.util.Set;
import org.dodam.reports.domain.CaseStatus;

/**
 * Which cases the counsellor's inbox lists: the open ones by default, the cases of one status, or the closed
 * ones on request. Its name is what the inbox's address carries ({@code ?show=closed}), so a counsellor without
 * scripts filters with a plain link.
 */
public enum InboxFilter {
    OPEN(EnumSet.of(CaseStatus.NEW, CaseStatus.TRIAGED, CaseStatus.IN_PROGRESS, CaseStatus.REFERRED)),
    NEW(EnumSet.of(CaseStatus.NEW)),
    TRIAGED(EnumSet.of(CaseStatus.TRIAGED)),
    IN_PROGRESS(EnumSet.of(CaseStatus.IN_PROGRESS)),
    REFERRED(EnumSet.of(CaseStatus.REFERRED)),
    CLOSED(EnumSet.of(CaseStatus.CLOSED));

    private final Set<CaseStatus> statuses;

    InboxFilter(Set<CaseStatus> statuses) {
        this.statuses = statuses;
    }

    /** The statuses of the cases listed, for the {@code in :statuses} of the inbox's queries. */
    public Set<CaseStatus> statuses() {
        return statuses;
    }
}
