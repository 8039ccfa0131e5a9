package org.dodam.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One message of the anonymous conversation between the reporter (who holds the receipt code) and the
 * counsellors. A reporter's message keeps only its day, like the report itself.
 */
@Entity
@Table(name = "case_message")
@NamedQuery(
        name = "CaseMessage.ofReport",
        query = "select m from CaseMessage m where m.reportId = :report order by m.threadOrder")
@NamedQuery(name = "CaseMessage.countOfReport", query = "select count(m) from CaseMessage m where m.reportId = :report")
@NamedQuery(name = "CaseMessage.deleteOfReport", query = "delete from CaseMessage m where m.reportId = :report")
public class CaseMessage {

    public enum Author {
        REPORTER,
        COUNSELLOR
    }

    @Id
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Author author;

    @Column(name = "counsellor_id")
    private Long counsellorId;

    @Column(name = "sealed_body", nullable = false, length = 40000)
    private String sealedBody;

    @Column(name = "sent_on", nullable = false)
    private LocalDate sentOn;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "thread_order", nullable = false)
    private int threadOrder;

    protected CaseMessage() {}

    private CaseMessage(
            long id,
            long reportId,
            int threadOrder,
            Author author,
            Long counsellorId,
            LocalDate sentOn,
            Instant sentAt) {
        this.id = id;
        this.reportId = reportId;
        this.threadOrder = threadOrder;
        this.author = author;
        this.counsellorId = counsellorId;
        this.sentOn = Objects.requireNonNull(sentOn, "sentOn");
        this.sentAt = sentAt;
        this.sealedBody = "";
    }

    /**
     * A reporter's message: its id is random and it keeps the day only. {@code threadOrder} is its place in
     * the conversation (1, 2, ...), which orders the thread without saying anything about other threads.
     */
    public static CaseMessage fromReporter(long id, long reportId, int threadOrder, LocalDate day) {
        return new CaseMessage(id, reportId, threadOrder, Author.REPORTER, null, day, null);
    }

    public static CaseMessage fromCounsellor(
            long id, long reportId, int threadOrder, long counsellorId, LocalDate day, Instant at) {
        return new CaseMessage(
                id, reportId, threadOrder, Author.COUNSELLOR, counsellorId, day, Objects.requireNonNull(at, "at"));
    }

    public void seal(String sealed) {
        this.sealedBody = Objects.requireNonNull(sealed, "sealed");
    }

    public Long id() {
        return id;
    }

    public Author author() {
        return author;
    }

    public Long counsellorId() {
        return counsellorId;
    }

    public String sealedBody() {
        return sealedBody;
    }

    public LocalDate sentOn() {
        return sentOn;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
