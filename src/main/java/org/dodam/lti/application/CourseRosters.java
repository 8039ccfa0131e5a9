package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.domain.Role;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.Course;
import org.dodam.lti.domain.CourseMember;
import org.dodam.lti.domain.LaunchRole;
import org.dodam.lti.domain.LaunchedPerson;
import org.dodam.platform.Languages;

/**
 * The database side of reading a course's roster from its platform ({@link RosterReader}): taking the course to read
 * (at most once per {@link #EVERY}, across instances), and adding a page of the platform's active learners to the
 * course's class, each as the person a launch would make (issuer and {@code sub}), so that the teacher's dashboard
 * lists students before they first open Dodam and their first launch finds them. Nobody is removed and nobody
 * becomes a teacher this way: teachers arrive by launching.
 */
@ApplicationScoped
@Transactional
public class CourseRosters {

    /** The shortest time between two readings of one course's roster. */
    static final Duration EVERY = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    PlatformRegistrations registrations;

    @Inject
    Accounts accounts;

    @Inject
    Classes classes;

    @Inject
    Clock clock;

    /** A course whose roster is being read. */
    public record RosterTarget(long courseId, Registration registration, String membershipsUrl, long classId) {}

    /** A member as the roster service lists them. */
    public record Member(String userId, String name, LaunchRole role, boolean active) {}

    /** Takes the course's roster to read now, unless it was read within {@link #EVERY} or the course has no class or roster. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<RosterTarget> claim(long courseId) {
        Instant now = clock.instant();
        int taken = em.createNamedQuery(Course.CLAIM_ROSTER)
                .setParameter("id", courseId)
                .setParameter("now", now)
                .setParameter("before", now.minus(EVERY))
                .executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        Course course = em.find(Course.class, courseId); // read after the update: Course is not in the shared cache
        return registrations
                .byId(course.registrationId())
                .map(r -> new RosterTarget(
                        courseId,
                        r,
                        course.membershipsUrl().orElseThrow(),
                        course.classId().orElseThrow()));
    }

    /** Adds the page's active learners to the course and its class; returns how many joined the class now. */
    @Transactional(TxType.REQUIRES_NEW)
    public int addLearners(RosterTarget target, List<Member> members) {
        Instant now = clock.instant();
        Registration registration = target.registration();
        int joined = 0;
        for (Member member : members) {
            if (!member.active()
                    || member.role() != LaunchRole.LEARNER
                    || member.userId() == null
                    || member.userId().isBlank()
                    || member.userId().length() > 255) {
                continue;
            }
            LaunchedPerson person = em.createNamedQuery("LaunchedPerson.find", LaunchedPerson.class)
                    .setParameter("school", registration.schoolId())
                    .setParameter("issuer", registration.issuer())
                    .setParameter("subject", member.userId())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (person == null) {
                Actor made = accounts.createSignedInElsewhere(
                                registration.schoolId(),
                                LaunchArrivals.displayName(member.name()),
                                Role.STUDENT,
                                Languages.DEFAULT)
                        .actor();
                person = LaunchedPerson.listed(
                        registration.schoolId(), registration.issuer(), member.userId(), made.id(), now);
                em.persist(person);
                em.flush();
            }
            Optional<Actor> account = accounts.activeCaller(person.accountId()).map(Accounts.Caller::actor);
            if (account.isEmpty() || !account.get().is(Role.STUDENT)) {
                continue;
            }
            if (em.createNamedQuery("CourseMember.find", CourseMember.class)
                    .setParameter("course", target.courseId())
                    .setParameter("person", person.id())
                    .getResultStream()
                    .findFirst()
                    .isEmpty()) {
                em.persist(new CourseMember(target.courseId(), person.id(), LaunchRole.LEARNER, now));
                joined++;
            }
            classes.enrol(target.classId(), person.accountId());
        }
        return joined;
    }
}
