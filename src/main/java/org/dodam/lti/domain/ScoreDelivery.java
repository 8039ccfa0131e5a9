package org.dodam.lti.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished quiz attempt's score on its way to one of the platform's grade columns: the outbox row, written in
 * the transaction that finished the quiz. An instance takes a due row with a lease ({@link #CLAIM}, a conditional
 * update, so two instances of a cluster never send one row at once), sends it, and records what happened: sent,
 * or tried again later with a back-off that doubles from the base delay up to {@link #LONGEST_WAIT}, or given up
 * after {@link #MAX_ATTEMPTS} (a line item deleted on the platform). A row is sent at least once and, unless an
 * instance dies between the platform's answer and the row's update, exactly once; a repeat carries the same
 * timestamp, which LTI's score service treats as the same score.
 */
@Entity
@Cacheable(false)
@Table(name = "lti_score")
@NamedQuery(
        name = "ScoreDelivery.due",
        query =
                "select d.id from ScoreDelivery d where d.sentAt is null and d.givenUpAt is null"
                        + " and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now) order by d.nextAttemptAt, d.id")
@NamedQuery(
        name = ScoreDelivery.CLAIM,
        query = "update ScoreDelivery d set d.claimedUntil = :until where d.id = :id"
                + " and d.sentAt is null and d.givenUpAt is null and (d.claimedUntil is null or d.claimedUntil < :now)")
@NamedQuery(
        name = "ScoreDelivery.unsentByRegistration",
        query = "select g.registrationId,"
                + " sum(case when d.givenUpAt is null then 1 else 0 end), sum(case when d.givenUpAt is null then 0 else 1 end)"
                + " from ScoreDelivery d, GradeLink g where d.gradeLinkId = g.id and d.sentAt is null and g.registrationId in :registrations"
                + " group by g.registrationId")
public class ScoreDelivery {

    public static final String CLAIM = "ScoreDelivery.claim";

    /** The longest wait between two tries. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** Tries before a score is given up (at the longest wait, about a week of a platform refusing it). */
    public static final int MAX_ATTEMPTS = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "grade_link_id", nullable = false)
    private long gradeLinkId;

    @Column(name = "score_given", nullable = false)
    private int scoreGiven;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "given_up_at")
    private Instant givenUpAt;

    @Column(name = "last_error", length = 200)
    private String lastError;

    protected ScoreDelivery() {}

    /** A score in percent of a quiz finished at {@code finishedAt}, due at once. */
    public ScoreDelivery(long gradeLinkId, int scoreGiven, Instant finishedAt) {
        if (scoreGiven < 0 || scoreGiven > 100) {
            throw new IllegalArgumentException("a score is a percentage");
        }
        this.gradeLinkId = gradeLinkId;
        this.scoreGiven = scoreGiven;
        this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
        this.nextAttemptAt = finishedAt;
    }

    /** The platform took the score. */
    public void sent(Instant now) {
        sentAt = now;
        claimedUntil = null;
        attempts++;
        lastError = null;
    }

    /**
     * The platform did not take it ({@code error}: what it or the network said, shortened); the next try waits
     * {@code base} doubled for each earlier try, at most {@link #LONGEST_WAIT}; after {@link #MAX_ATTEMPTS} tries
     * the score is given up.
     */
    public void failed(Instant now, String error, Duration base) {
        attempts++;
        claimedUntil = null;
        lastError = error == null ? null : error.length() > 200 ? error.substring(0, 200) : error;
        if (attempts >= MAX_ATTEMPTS) {
            givenUpAt = now;
            return;
        }
        Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    public long id() {
        return id;
    }

    public long gradeLinkId() {
        return gradeLinkId;
    }

    public int scoreGiven() {
        return scoreGiven;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<Instant> givenUpAt() {
        return Optional.ofNullable(givenUpAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
