package org.dodam.progress.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a student stands with an assigned lesson. Students read OVERDUE as "overdue", teachers read it as
 * "missing"; COMPLETED_LATE is "late" for teachers. Defined once here, so both views always agree.
 */
public enum ProgressState {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    COMPLETED_LATE,
    OVERDUE;

    public static ProgressState of(
            boolean started, Instant completedAt, LocalDate dueOn, LocalDate today, ZoneId zone) {
        if (completedAt != null) {
            return dueOn != null && completedAt.atZone(zone).toLocalDate().isAfter(dueOn) ? COMPLETED_LATE : COMPLETED;
        }
        if (dueOn != null && today.isAfter(dueOn)) {
            return OVERDUE;
        }
        return started ? IN_PROGRESS : NOT_STARTED;
    }

    public boolean completed() {
        return this == COMPLETED || this == COMPLETED_LATE;
    }

    /** The bundle key suffix, e.g. {@code progress.student.OVERDUE}. */
    public String key() {
        return name();
    }
}
