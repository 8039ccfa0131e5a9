package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A referral or takedown request sent for a case: to whom, when, and by when the counsellor should check
 * on it. The optional reference (a ticket number, a contact) is held sealed.
 */
@Entity
@Table(name = "case_referral")
@NamedQuery(
        name = "Referral.ofReport",
        query = "select r from Referral r where r.reportId = :report order by r.sentAt, r.id")
@NamedQuery(name = "Referral.deleteOfReport", query = "delete from Referral r where r.reportId = :report")
@NamedQuery(
        name = "Referral.overdueOfReports",
        query = "select distinct r.reportId from Referral r "
                + "where r.reportId in :reports and r.completedAt is null and r.followUpBy < :now")
@NamedQuery(
        name = "Referral.overdueOfSchool",
        query = "select r.reportId from Referral r, IncidentReport c "
                + "where r.reportId = c.id and c.schoolId = :school and r.completedAt is null and r.followUpBy < :now")
public class Referral {

    @Id
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private ReferralTarget target;

    @Column(name = "sealed_reference", length = 2000)
    private String sealedReference;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "follow_up_by", nullable = false)
    private Instant followUpBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "recorded_by", nullable = false)
    private Long recordedBy;

    protected Referral() {}

    public Referral(long id, long reportId, ReferralTarget target, Instant sentAt, long recordedBy) {
        this.id = id;
        this.reportId = reportId;
        this.target = Objects.requireNonNull(target, "target");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.followUpBy = sentAt.plus(target.followUpAfter());
        this.recordedBy = recordedBy;
    }

    public void seal(String sealed) {
        this.sealedReference = sealed;
    }

    public void complete(Instant at) {
        if (completedAt == null) {
            completedAt = at;
        }
    }

    public boolean overdue(Instant now) {
        return completedAt == null && now.isAfter(followUpBy);
    }

    public Long id() {
        return id;
    }

    public long reportId() {
        return reportId;
    }

    public ReferralTarget target() {
        return target;
    }

    public String sealedReference() {
        return sealedReference;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant followUpBy() {
        return followUpBy;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
