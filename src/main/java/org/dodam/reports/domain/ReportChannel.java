package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A school's reporting channel: the unguessable key in its public report link, the salt its receipt codes
 * are hashed with (one per school, so a code can be found by its hash), and the school's data key, wrapped
 * by the master key. It also counts what counsellors have not yet been told about (new reports, urgent
 * ones, reporters' answers), so that they are told in batches at fixed times and a restart loses no
 * notice, and the last day reports came in a flood. Counts and a day, never a time.
 */
@Entity
@Table(name = "report_channel")
@NamedQuery(name = "ReportChannel.byLinkKey", query = "select c from ReportChannel c where c.linkKey = :key")
@NamedQuery(
        name = "ReportChannel.withPending",
        query = "select c from ReportChannel c where c.pendingNew > 0 "
                + "or c.pendingUrgent > 0 or c.pendingAnswers > 0 or c.floodUntold = true")
@NamedQuery(
        name = "ReportChannel.countArrival",
        query = "update ReportChannel c set c.pendingNew = c.pendingNew + 1 " + "where c.schoolId = :school")
@NamedQuery(
        name = "ReportChannel.countUrgentArrival",
        query = "update ReportChannel c set c.pendingUrgent = c.pendingUrgent + 1 " + "where c.schoolId = :school")
@NamedQuery(
        name = "ReportChannel.countAnswer",
        query = "update ReportChannel c set c.pendingAnswers = c.pendingAnswers + 1 " + "where c.schoolId = :school")
@NamedQuery(
        name = "ReportChannel.flood",
        query = "update ReportChannel c set c.floodOn = :day, c.floodUntold = true " + "where c.schoolId = :school")
@NamedQuery(
        name = "ReportChannel.schoolsWithout",
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

    @Column(name = "pending_new", nullable = false)
    private int pendingNew;

    @Column(name = "pending_urgent", nullable = false)
    private int pendingUrgent;

    @Column(name = "pending_answers", nullable = false)
    private int pendingAnswers;

    @Column(name = "flood_on")
    private LocalDate floodOn;

    @Column(name = "flood_untold", nullable = false)
    private boolean floodUntold;

    protected ReportChannel() {}

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

    /** The data key, wrapped again under another master key (the key itself does not change). */
    public void rewrap(String wrapped) {
        this.wrappedKey = Objects.requireNonNull(wrapped, "wrapped");
    }

    public int pendingUrgent() {
        return pendingUrgent;
    }

    /** The last day reports came in a flood, if ever. */
    public LocalDate floodOn() {
        return floodOn;
    }

    /** What counsellors have not been told yet, now taken: the counts go back to zero. */
    public Pending takePending() {
        Pending pending = new Pending(pendingNew, pendingUrgent, pendingAnswers, floodUntold ? floodOn : null);
        pendingNew = 0;
        pendingUrgent = 0;
        pendingAnswers = 0;
        floodUntold = false;
        return pending;
    }

    /** Counts a batch back after its notice could not be sent. */
    public void restore(Pending pending) {
        pendingNew += pending.newReports();
        pendingUrgent += pending.urgentReports();
        pendingAnswers += pending.answers();
        floodUntold |= pending.flood() != null;
    }

    /** Counts of what happened since counsellors were last told; {@code flood} is the day of an untold flood. */
    public record Pending(int newReports, int urgentReports, int answers, LocalDate flood) {
        public boolean urgent() {
            return urgentReports > 0;
        }

        public boolean any() {
            return newReports + urgentReports + answers > 0 || flood != null;
        }
    }
}
