package org.dodam.accounts.application;

import java.util.Objects;

/**
 * Fired, inside the transaction that makes it, whenever who may read a school's reports changes: a counsellor
 * account proposed, confirmed, its password reset, suspended, reactivated, or set up by the operator. Accounts
 * fires it and knows nothing of who listens; reports turns it into an audit line and tells the school's
 * counsellors. Small values only: ids and the counsellor's username.
 *
 * @param actorId the account that made the change, or null for the operator's set-up at start-up
 */
public record CounsellorAccessChanged(
        long schoolId,
        Long actorId,
        long counsellorId,
        String counsellorUsername,
        String counsellorName,
        Change change) {

    /** What changed. Stored by name in the audit log: rename none of them. */
    public enum Change {
        PROPOSED,
        CONFIRMED,
        PASSWORD_RESET,
        SUSPENDED,
        REACTIVATED,
        SET_UP_BY_OPERATOR
    }

    public CounsellorAccessChanged {
        Objects.requireNonNull(counsellorUsername, "counsellorUsername");
        Objects.requireNonNull(counsellorName, "counsellorName");
        Objects.requireNonNull(change, "change");
    }
}
