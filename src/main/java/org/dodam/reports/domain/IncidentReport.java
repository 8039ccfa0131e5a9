package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.dodam.platform.DodamException;

/**
 * An anonymous report and the case the school's counsellors make of it. It holds nothing that could point
 * to the reporter: no account, address or session, and the day it came in without the time. Its free text
 * is held sealed; the application seals and opens it with the school's data key. The case's rules live
 * here: statuses only move on while the case is open, and closing needs an outcome.
 */
@Entity
@Table(name = "incident_report")
@NamedQuery(
        name = "IncidentReport.byReceipt",
        query = "select r from IncidentReport r where r.receiptHash = :hash and r.schoolId = :school")
@NamedQuery(name = "IncidentReport.inbox", query = "select r from IncidentReport r where r.schoolId = :school")
@NamedQuery(
        name = "IncidentReport.countOfSchool",
        query = "select count(r) from IncidentReport r where r.schoolId = :school and r.status in :statuses")
@NamedQuery(
        name = "IncidentReport.pageByPriority",
        query =
                "select r.id from IncidentReport r "
                        + "where r.schoolId = :school and r.status in :statuses order by r.urgent desc, r.submittedOn desc, r.id")
@NamedQuery(
        name = "IncidentReport.pageUrgentLast",
        query = "select r.id from IncidentReport r "
                + "where r.schoolId = :school and r.status in :statuses order by r.urgent, r.submittedOn desc, r.id")
@NamedQuery(
        name = "IncidentReport.pageNewest",
        query = "select r.id from IncidentReport r "
                + "where r.schoolId = :school and r.status in :statuses order by r.submittedOn desc, r.id")
@NamedQuery(
        name = "IncidentReport.pageOldest",
        query = "select r.id from IncidentReport r "
                + "where r.schoolId = :school and r.status in :statuses order by r.submittedOn, r.id")
@NamedQuery(name = "IncidentReport.byIds", query = "select r from IncidentReport r where r.id in :ids")
@NamedQuery(
        name = "IncidentReport.closedBefore",
        query = "select r from IncidentReport r where r.status = org.dodam.reports.domain.CaseStatus.CLOSED "
                + "and r.closedAt < :cutoff")
public class IncidentReport {

    @Id
    private Long id;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "receipt_hash", nullable = false, length = 128)
    private String receiptHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_role", nullable = false, length = 16)
    private ReporterRole reporterRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Category category;

    @Column(nullable = false)
    private boolean urgent;

    @Column(name = "submitted_on", nullable = false)
    private LocalDate submittedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    private Outcome outcome;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "sealed_place", nullable = false, length = 8000)
    private String sealedPlace;

    @Column(name = "sealed_happened_on", nullable = false, length = 1000)
    private String sealedHappenedOn;

    @Column(name = "sealed_description", nullable = false, length = 40000)
    private String sealedDescription;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "mandatory_flagged_at")
    private Instant mandatoryFlaggedAt;

    @Column(name = "mandatory_reported_at")
    private Instant mandatoryReportedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "mandatory_agency", length = 24)
    private ReferralTarget mandatoryAgency;

    @Version
    private int version;

    protected IncidentReport() {}

    /** A new report with its random id (see {@link CaseIds}); its texts are sealed under that id. */
    public IncidentReport(
            long id,
            long schoolId,
            String receiptHash,
            ReporterRole reporterRole,
            Category category,
            boolean urgent,
            LocalDate submittedOn) {
        this.id = id;
        this.schoolId = schoolId;
        this.receiptHash = Objects.requireNonNull(receiptHash, "receiptHash");
        this.reporterRole = Objects.requireNonNull(reporterRole, "reporterRole");
        this.category = Objects.requireNonNull(category, "category");
        this.urgent = urgent;
        this.submittedOn = Objects.requireNonNull(submittedOn, "submittedOn");
        this.status = CaseStatus.NEW;
        this.sealedPlace = "";
        this.sealedHappenedOn = "";
        this.sealedDescription = "";
    }

    /** The sealed texts, set once before the report is stored (the id is part of their associated data). */
    public void sealText(String place, String happenedOn, String description) {
        this.sealedPlace = Objects.requireNonNull(place, "place");
        this.sealedHappenedOn = Objects.requireNonNull(happenedOn, "happenedOn");
        this.sealedDescription = Objects.requireNonNull(description, "description");
    }

    public void moveTo(CaseStatus next) {
        requireOpen();
        if (next == CaseStatus.CLOSED) {
            throw new DodamException("cases.closeNeedsOutcome");
        }
        if (next == CaseStatus.NEW) {
            throw new DodamException("cases.cannotReopenAsNew");
        }
        status = next;
    }

    public void assignTo(Long counsellorId) {
        requireOpen();
        assigneeId = counsellorId;
    }

    public void responded(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
        if (status == CaseStatus.NEW) {
            status = CaseStatus.TRIAGED;
        }
    }

    public void referred() {
        requireOpen();
        if (status != CaseStatus.REFERRED) {
            status = CaseStatus.REFERRED;
        }
    }

    public void flagMandatoryReport(Instant at) {
        requireOpen();
        if (mandatoryFlaggedAt == null) {
            mandatoryFlaggedAt = at;
        }
    }

    public void recordMandatoryReport(ReferralTarget agency, Instant at) {
        requireOpen();
        if (!agency.investigative()) {
            throw new DodamException("cases.mandatoryAgency");
        }
        if (mandatoryFlaggedAt == null) {
            mandatoryFlaggedAt = at;
        }
        mandatoryAgency = agency;
        mandatoryReportedAt = at;
    }

    public void close(Outcome outcome, Instant at) {
        requireOpen();
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.status = CaseStatus.CLOSED;
        this.closedAt = at;
    }

    public void requireOpen() {
        if (!status.open()) {
            throw new DodamException("cases.closed");
        }
    }

    public Long id() {
        return id;
    }

    /** What counsellors call the case. */
    public String reference() {
        return CaseIds.reference(id);
    }

    public long schoolId() {
        return schoolId;
    }

    public ReporterRole reporterRole() {
        return reporterRole;
    }

    public Category category() {
        return category;
    }

    public boolean urgent() {
        return urgent;
    }

    public LocalDate submittedOn() {
        return submittedOn;
    }

    public CaseStatus status() {
        return status;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public String sealedPlace() {
        return sealedPlace;
    }

    public String sealedHappenedOn() {
        return sealedHappenedOn;
    }

    public String sealedDescription() {
        return sealedDescription;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant mandatoryFlaggedAt() {
        return mandatoryFlaggedAt;
    }

    public Instant mandatoryReportedAt() {
        return mandatoryReportedAt;
    }

    public ReferralTarget mandatoryAgency() {
        return mandatoryAgency;
    }
}
