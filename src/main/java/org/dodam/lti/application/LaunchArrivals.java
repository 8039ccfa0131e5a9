package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Accounts.Caller;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.Classes.ClassSummary;
import org.dodam.accounts.application.DodamIdentityStore;
import org.dodam.accounts.domain.Role;
import org.dodam.content.application.Curriculum;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.LaunchVerifier.LaunchClaims;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.Course;
import org.dodam.lti.domain.CourseMember;
import org.dodam.lti.domain.LaunchRole;
import org.dodam.lti.domain.LaunchedPerson;
import org.dodam.platform.Languages;

/**
 * What a verified launch makes in Dodam, in one transaction: the person's account in the registering school
 * (found by issuer and {@code sub}, made on the first launch through {@link Accounts#createSignedInElsewhere}), the
 * course's class (made by its first teacher, named after the course, with the students who came before), and the
 * student's place in it, and, when the platform grades the student's lesson, where its quiz scores go
 * ({@link GradePassback#link}). The account's role is the one it was made with: a launch with another role (a student
 * who became an instructor on the platform) is refused rather than turning the account into something else, and so
 * is a launch of an account the school suspended.
 */
@ApplicationScoped
@Transactional
public class LaunchArrivals {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Classes classes;

    @Inject
    Curriculum curriculum;

    @Inject
    GradePassback passback;

    @Inject
    Clock clock;

    /**
     * Who arrived and where they land (a path of this application); for a teacher's deep linking request, what the
     * lesson picker needs to answer it ({@code null} otherwise); for a teacher whose course offers its roster, the course
     * whose roster to read.
     */
    public record Arrival(
            long accountId,
            String username,
            Role role,
            String locale,
            String landing,
            DeepLinkRequest deepLink,
            Long rosterCourseId) {}

    public Arrival arrive(Registration registration, LaunchClaims claims) {
        Instant now = clock.instant();
        Role role = claims.role() == LaunchRole.INSTRUCTOR ? Role.TEACHER : Role.STUDENT;
        LaunchedPerson person = em.createNamedQuery("LaunchedPerson.find", LaunchedPerson.class)
                .setParameter("school", registration.schoolId())
                .setParameter("issuer", registration.issuer())
                .setParameter("subject", claims.subject())
                .getResultStream()
                .findFirst()
                .orElse(null);
        Caller caller;
        if (person == null) {
            caller = accounts.createSignedInElsewhere(
                    registration.schoolId(), displayName(claims.name()), role, language(claims.locale()));
            person = LaunchedPerson.launching(
                    registration.schoolId(),
                    registration.issuer(),
                    claims.subject(),
                    caller.actor().id(),
                    now);
            em.persist(person);
            em.flush(); // the person's id, for the course membership
        } else {
            caller = accounts.activeCaller(person.accountId()).orElseThrow(() -> new LaunchRefused(Reason.ACCOUNT));
            if (person.launched(now) && claims.locale() != null) {
                // made from the course's roster, which gives no language: the platform's, from the first launch on
                accounts.preferLocale(DodamIdentityStore.callerName(caller.actor()), language(claims.locale()));
                caller = accounts.activeCaller(person.accountId()).orElseThrow(() -> new LaunchRefused(Reason.ACCOUNT));
            }
        }
        Actor account = caller.actor();
        if (!account.is(role) || account.schoolId() != registration.schoolId()) {
            throw new LaunchRefused(Reason.ACCOUNT);
        }
        Course course = claims.contextId() == null ? null : joinCourse(registration, claims, person, account);
        Optional<Long> classId = course == null ? Optional.empty() : course.classId();
        Long rosterCourseId = course != null
                        && account.is(Role.TEACHER)
                        && course.membershipsUrl().isPresent()
                ? course.id()
                : null;
        Optional<String> lesson = role == Role.STUDENT ? lesson(claims) : Optional.empty();
        if (lesson.isPresent() && claims.lineItem() != null) {
            passback.link(registration.id(), person, lesson.get(), claims.lineItem());
        }
        if (claims.deepLinking() != null) {
            return new Arrival(
                    account.id(),
                    caller.username(),
                    account.role(),
                    account.locale(),
                    DeepLinks.PICKER,
                    new DeepLinkRequest(registration.id(), claims.deploymentId(), claims.deepLinking()),
                    rosterCourseId);
        }
        String landing = role == Role.TEACHER
                ? classId.filter(id -> classes.ownedBy(account, id).isPresent())
                        .map(id -> "/teacher/dashboard.xhtml?id=" + id)
                        .orElse(Role.TEACHER.homePath())
                : lesson.map(id -> "/student/lesson.xhtml?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                        .orElse(Role.STUDENT.homePath());
        return new Arrival(
                account.id(), caller.username(), account.role(), account.locale(), landing, null, rosterCourseId);
    }

    /** The course, with its class made now if a teacher arrives first; the person becomes a member of the course. */
    private Course joinCourse(Registration registration, LaunchClaims claims, LaunchedPerson person, Actor account) {
        Instant now = clock.instant();
        Course course = em.createNamedQuery("Course.find", Course.class)
                .setParameter("registration", registration.id())
                .setParameter("deployment", claims.deploymentId())
                .setParameter("context", claims.contextId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        String title = courseTitle(claims.contextTitle());
        if (course == null) {
            course = new Course(registration.id(), claims.deploymentId(), claims.contextId(), title, now);
            em.persist(course);
            em.flush();
        } else {
            course.titled(title);
        }
        course.offersRoster(claims.membershipsUrl());
        if (em.createNamedQuery("CourseMember.find", CourseMember.class)
                .setParameter("course", course.id())
                .setParameter("person", person.id())
                .getResultStream()
                .findFirst()
                .isEmpty()) {
            em.persist(new CourseMember(course.id(), person.id(), claims.role(), now));
            em.flush();
        }
        if (account.is(Role.TEACHER) && course.classId().isEmpty()) {
            ClassSummary made = classes.create(account, course.title() == null ? registration.name() : course.title());
            em.flush();
            course.becameClass(made.id());
            for (Long learner : em.createNamedQuery("CourseMember.learnerAccounts", Long.class)
                    .setParameter("course", course.id())
                    .getResultList()) {
                classes.enrol(made.id(), learner);
            }
        } else if (account.is(Role.STUDENT) && course.classId().isPresent()) {
            classes.enrol(course.classId().get(), account.id());
        }
        return course;
    }

    /**
     * The students' lesson the launch names: the custom parameter {@code lesson=<id>} of the resource link, or the
     * {@code lesson} (or, on a lesson page address, {@code id}) parameter of its target link. Only a lesson of the
     * curriculum that students may open counts; Dodam builds the address itself, so no launch sends anyone elsewhere.
     */
    private Optional<String> lesson(LaunchClaims claims) {
        return Optional.ofNullable(claims.customLesson())
                .or(() -> fromTarget(claims.targetLinkUri()))
                .filter(id -> curriculum.studentLesson(id).isPresent());
    }

    private static Optional<String> fromTarget(String target) {
        if (target == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target);
            String query = uri.getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            boolean lessonPage = uri.getPath() != null && uri.getPath().endsWith("/lesson.xhtml");
            return Arrays.stream(query.split("&"))
                    .map(p -> p.split("=", 2))
                    .filter(p -> p.length == 2)
                    .filter(p -> p[0].equals("lesson") || lessonPage && p[0].equals("id"))
                    .map(p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8))
                    .findFirst();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = name.replaceAll("[<>\\p{Cntrl}]", "").strip();
        cleaned = cleaned.length() > AccountRules.NAME_MAX
                ? cleaned.substring(0, AccountRules.NAME_MAX).strip()
                : cleaned;
        return AccountRules.validName(cleaned) ? cleaned : null;
    }

    private static String courseTitle(String title) {
        String cleaned = displayName(title);
        return cleaned == null ? null : cleaned;
    }

    /** "ko", "ko-KR", "en_US" → the language Dodam speaks; anything else → the default. */
    static String language(String locale) {
        if (locale == null) {
            return Languages.DEFAULT;
        }
        String language = locale.split("[-_]")[0].toLowerCase(Locale.ROOT);
        return Languages.supported(language) ? language : Languages.DEFAULT;
    }
}
