package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A counsellors-only note on a case; the reporter never sees it. Its text is held sealed. */
@Entity
@Table(name = "case_note")
@NamedQuery(
        name = "CaseNote.ofReport",
        query = "select n from CaseNote n where n.reportId = :report order by n.createdAt, n.id")
@NamedQuery(name = "CaseNote.deleteOfReport", query = "delete from CaseNote n where n.reportId = :report")
public class CaseNote {

    @Id
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "counsellor_id", nullable = false)
    private Long counsellorId;

    @Column(name = "sealed_body", nullable = false, length = 40000)
    private String sealedBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseNote() {}

    public CaseNote(long id, long reportId, long counsellorId, Instant createdAt) {
        this.id = id;
        this.reportId = reportId;
        this.counsellorId = counsellorId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.sealedBody = "";
    }

    public void seal(String sealed) {
        this.sealedBody = Objects.requireNonNull(sealed, "sealed");
    }

    public Long id() {
        return id;
    }

    public Long counsellorId() {
        return counsellorId;
    }

    public String sealedBody() {
        return sealedBody;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
