package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a school's case audit log: who viewed or changed which case, and when. It carries a short
 * code for the change (a status name, a referral target), never any of the case's text, and it outlives
 * the case, so the deletion of a case by the retention job is recorded too.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(
        name = "AuditEvent.ofSchool",
        query = "select e from AuditEvent e where e.schoolId = :school order by e.at desc, e.id desc")
@NamedQuery(name = "AuditEvent.countOfSchool", query = "select count(e) from AuditEvent e where e.schoolId = :school")
@NamedQuery(
        name = "AuditEvent.ofSchoolWithActions",
        query =
                "select e from AuditEvent e where e.schoolId = :school and e.action in :actions order by e.at desc, e.id desc")
public class AuditEvent {

    public enum Action {
        VIEWED,
        STATUS_CHANGED,
        ASSIGNED,
        NOTE_ADDED,
        REPLIED,
        REFERRED,
        REFERRAL_COMPLETED,
        MANDATORY_FLAGGED,
        MANDATORY_REPORTED,
        CLOSED,
        DELETED_BY_RETENTION,
        COUNSELLOR_PROPOSED,
        COUNSELLOR_CONFIRMED,
        COUNSELLOR_PASSWORD_RESET,
        COUNSELLOR_SUSPENDED,
        COUNSELLOR_REACTIVATED,
        COUNSELLOR_SET_UP,
        REFERENCE_CHANGED;

        /** A change of who reads the school's reports, rather than work on a case: it names no case. */
        public boolean counsellorAccess() {
            return name().startsWith("COUNSELLOR_");
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "report_id")
    private Long reportId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Action action;

    @Column(length = 40)
    private String detail;

    @Column(nullable = false)
    private Instant at;

    protected AuditEvent() {}

    public AuditEvent(long schoolId, Long actorId, long reportId, Action action, String detail, Instant at) {
        this.schoolId = schoolId;
        this.actorId = actorId;
        this.reportId = reportId;
        this.action = Objects.requireNonNull(action, "action");
        this.detail = detail;
        this.at = Objects.requireNonNull(at, "at");
    }

    /**
     * A line for a change of counsellor access (who may read the school's reports): no case, and the counsellor
     * account's username as the detail. {@code actorId} is null when the operator made the change at start-up.
     */
    public static AuditEvent counsellorAccess(
            long schoolId, Long actorId, Action action, String counsellorUsername, Instant at) {
        if (!action.counsellorAccess()) {
            throw new IllegalArgumentException(action + " is work on a case");
        }
        AuditEvent event = new AuditEvent();
        event.schoolId = schoolId;
        event.actorId = actorId;
        event.action = action;
        event.detail = Objects.requireNonNull(counsellorUsername, "counsellorUsername");
        event.at = Objects.requireNonNull(at, "at");
        return event;
    }

    public Long actorId() {
        return actorId;
    }

    public Long reportId() {
        return reportId;
    }

    public Action action() {
        return action;
    }

    public String detail() {
        return detail;
    }

    public Instant at() {
        return at;
    }
}
