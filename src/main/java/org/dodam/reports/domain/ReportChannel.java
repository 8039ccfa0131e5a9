package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A school's reporting channel: the unguessable key in its public report link, the salt its receipt codes
 * are hashed with (one per school, so a code can be found by its hash), and the school's data key, wrapped
 * by the master key.
 */
@Entity
@Table(name = "report_channel")
@NamedQuery(name = "ReportChannel.byLinkKey", query = "select c from ReportChannel c where c.linkKey = :key")
@NamedQuery(name = "ReportChannel.schoolsWithout",
        query = "select s.id from School s where not exists (select c from ReportChannel c where c.schoolId = s.id)")
public class ReportChannel {

    @Id
    @Column(name = "school_id")
    private Long schoolId;

    @Column(name = "link_key", nullable = false, length = 24)
    private String linkKey;

    @Column(name = "receipt_salt", nullable = false, length = 64)
    private String receiptSalt;

    @Column(name = "wrapped_key", nullable = false, length = 200)
    private String wrappedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReportChannel() {
    }

    public ReportChannel(long schoolId, String linkKey, String receiptSalt, String wrappedKey, Instant createdAt) {
        this.schoolId = schoolId;
        this.linkKey = Objects.requireNonNull(linkKey, "linkKey");
        this.receiptSalt = Objects.requireNonNull(receiptSalt, "receiptSalt");
        this.wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public long schoolId() {
        return schoolId;
    }

    public String linkKey() {
        return linkKey;
    }

    public String receiptSalt() {
        return receiptSalt;
    }

    public String wrappedKey() {
        return wrappedKey;
    }
}
