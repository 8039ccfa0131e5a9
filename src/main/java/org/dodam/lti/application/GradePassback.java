package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.GradeLink;
import org.dodam.lti.domain.LaunchedPerson;
import org.dodam.lti.domain.ScoreDelivery;
import org.dodam.quizzes.application.QuizFinished;

/**
 * The outbox of grade passback (LTI Assignment and Grade Services), in the database: a student's launch of a lesson
 * links the lesson to the platform's grade column ({@link #link}); a finished quiz writes its score for every linked
 * column in the quiz's own transaction ({@link #onQuizFinished}), so a score exists exactly when the attempt does;
 * {@link ScoreSender} then takes due rows one at a time with a lease ({@link #claim}), sends them, and records the
 * outcome here ({@link #sent}, {@link #failed}). Nothing waits for the platform inside a transaction.
 */
@ApplicationScoped
@Transactional
public class GradePassback {

    @PersistenceContext
    EntityManager em;

    @Inject
    PlatformRegistrations registrations;

    @Inject
    Clock clock;

    /** A score on its way, with what sending it takes. */
    public record Outgoing(
            long id,
            Registration registration,
            String lineItemUrl,
            String userId,
            int scoreGiven,
            Instant finishedAt) {}

    /** Remembers that this student's scores for this lesson go to this line item (once per line item). */
    void link(long registrationId, LaunchedPerson person, String lessonId, String lineItemUrl) {
        boolean known = em.createNamedQuery("GradeLink.find", GradeLink.class)
                .setParameter("account", person.accountId())
                .setParameter("lesson", lessonId)
                .setParameter("lineItem", lineItemUrl)
                .getResultStream()
                .findFirst()
                .isPresent();
        if (!known) {
            em.persist(new GradeLink(
                    registrationId, person.id(), person.accountId(), lessonId, lineItemUrl, clock.instant()));
        }
    }

    /** Writes the finished attempt's score for each of the lesson's grade columns of the student, with the attempt. */
    void onQuizFinished(@Observes QuizFinished finished) {
        Instant now = clock.instant();
        for (GradeLink link : em.createNamedQuery("GradeLink.ofStudentLesson", GradeLink.class)
                .setParameter("account", finished.studentId())
                .setParameter("lesson", finished.lessonId())
                .getResultList()) {
            em.persist(new ScoreDelivery(link.id(), finished.score(), now));
        }
    }

    /** The ids of scores due now that no instance holds, oldest first. */
    public List<Long> due(int max) {
        return em.createNamedQuery("ScoreDelivery.due", Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** Takes one due score for {@code lease}, unless another instance took it first. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Outgoing> claim(long id, Duration lease) {
        Instant now = clock.instant();
        int taken = em.createNamedQuery(ScoreDelivery.CLAIM)
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("until", now.plus(lease))
                .executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        ScoreDelivery delivery = em.find(ScoreDelivery.class, id);
        GradeLink link = em.find(GradeLink.class, delivery.gradeLinkId());
        LaunchedPerson person = em.find(LaunchedPerson.class, link.personId());
        Registration registration = registrations.byId(link.registrationId()).orElseThrow();
        return Optional.of(new Outgoing(
                id, registration, link.lineItemUrl(), person.subject(), delivery.scoreGiven(), delivery.finishedAt()));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void sent(long id) {
        em.find(ScoreDelivery.class, id).sent(clock.instant());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failed(long id, String error, Duration retryBase) {
        em.find(ScoreDelivery.class, id).failed(clock.instant(), error, retryBase);
    }

    /** Scores not sent yet: still to be tried, and given up. */
    public record Unsent(long waiting, long givenUp) implements java.io.Serializable {
        public static final Unsent NONE = new Unsent(0, 0);
    }

    /** The unsent scores of each of these registrations (for the admin's page); registrations without any are left out. */
    public Map<Long, Unsent> unsent(List<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Unsent> unsent = new HashMap<>();
        for (Object[] row : em.createNamedQuery("ScoreDelivery.unsentByRegistration", Object[].class)
                .setParameter("registrations", registrationIds)
                .getResultList()) {
            unsent.put(
                    ((Number) row[0]).longValue(),
                    new Unsent(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return unsent;
    }
}
