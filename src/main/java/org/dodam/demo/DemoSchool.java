package org.dodam.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.Classes.ClassSummary;
import org.dodam.accounts.application.Passwords;
import org.dodam.accounts.domain.Role;
import org.dodam.assignments.application.Assignments;
import org.dodam.content.application.Curriculum;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.lessons.application.LessonPlayer;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.platform.PlatformSettings;
import org.dodam.quizzes.application.QuizTaking;
import org.dodam.quizzes.application.QuizTaking.QuizState;

/**
 * Creates a demo school on first start with an empty embedded database, so that every screen has
 * something to show, and prints its sign-in details once. It never runs against a production
 * database: asking for it there is refused with a message.
 */
@ApplicationScoped
public class DemoSchool {

    private static final Logger LOG = Logger.getLogger(DemoSchool.class.getName());

    /** The demo school's code, for signing in once the server holds a second school. */
    public static final String CODE = "dodam";

    static final List<String> CLASS_A =
            List.of("김민지", "이준호", "박서연", "최다미", "정하준", "강지우", "조은서", "윤도윤", "장서윤", "임시우", "한지호", "오하은", "서예준");
    static final List<String> CLASS_B =
            List.of("신유나", "권민준", "황수아", "안건우", "송지아", "전현우", "홍채원", "유지훈", "고나연", "문태윤", "양소율", "배은우");

    private volatile boolean createdThisStart;

    @Inject
    PlatformSettings platform;

    @Inject
    DemoSettings settings;

    @Inject
    Accounts accounts;

    @Inject
    Classes classes;

    @Inject
    Passwords passwords;

    @PersistenceContext
    EntityManager em;

    @Inject
    Curriculum curriculum;

    @Inject
    Assignments assignments;

    @Inject
    LessonPlayer player;

    @Inject
    QuizTaking quizTaking;

    @Inject
    java.time.Clock clock;

    /** Lessons the demo classes have assigned: due next week, overdue, and one for the second class. */
    static final List<String> DEMO_LESSONS =
            List.of("consent-group-photos-and-screenshots", "if-a-fake-of-you-spreads", "forwarding-to-warn");

    @Transactional
    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO) DatabaseReady event) {
        PlatformSettings.DemoMode mode = platform.demoMode();
        if (mode == PlatformSettings.DemoMode.FALSE
                || (mode == PlatformSettings.DemoMode.AUTO && !platform.embeddedDatabase())) {
            return;
        }
        if (!platform.embeddedDatabase()) {
            LOG.severe("DODAM_DEMO is set, but a production database is configured: the demo school is refused.");
            return;
        }
        if (em.createNamedQuery("School.count", Long.class).getSingleResult() > 0) {
            return;
        }
        String password = settings.password().orElseGet(passwords::temporary);
        create(password);
        createdThisStart = true;
    }

    /** Whether this start created the demo school, so that other features can add their demo data. */
    public boolean createdThisStart() {
        return createdThisStart;
    }

    /** Every demo account shares one password, so it is hashed once: a first start stays quick. */
    private void create(String password) {
        String hash = passwords.hash(password);
        long school = accounts.createSchool("도담중학교 (Dodam Middle School)", "KR", CODE);
        accounts.seed(school, "교감 김도담", "demo-admin", "admin@dodam.example", Role.SCHOOL_ADMIN, hash, null);
        Actor teacher1 =
                accounts.seed(school, "이수진 선생님", "demo-teacher", "teacher1@dodam.example", Role.TEACHER, hash, null);
        Actor teacher2 = accounts.seed(
                school, "Daniel Park", "demo-teacher2", "teacher2@dodam.example", Role.TEACHER, hash, null);
        accounts.seed(school, "정은혜 상담 선생님", "demo-counsellor", "counsellor@dodam.example", Role.COUNSELLOR, hash, null);
        ClassSummary classA = classes.create(teacher1, "2학년 3반");
        ClassSummary classB = classes.create(teacher2, "2학년 5반");
        List<Actor> studentsA = addStudents(school, classA, CLASS_A, 1, hash);
        addStudents(school, classB, CLASS_B, CLASS_A.size() + 1, hash);
        for (int i = 1; i <= settings.extraStudents(); i++) {
            accounts.seed(
                    school,
                    "Bench Student " + i,
                    String.format("bench-student%03d", i),
                    null,
                    Role.STUDENT,
                    hash,
                    classA.id());
        }
        if (DEMO_LESSONS.stream().allMatch(id -> curriculum.lesson(id).isPresent())) {
            assignAndPractise(teacher1, classA, teacher2, classB, studentsA);
        }
        System.out.println(banner(password, classA.joinCode()));
    }

    private List<Actor> addStudents(
            long school, ClassSummary schoolClass, List<String> names, int firstNumber, String hash) {
        List<Actor> students = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            students.add(accounts.seed(
                    school,
                    names.get(i),
                    String.format("demo-student%02d", firstNumber + i),
                    null,
                    Role.STUDENT,
                    hash,
                    schoolClass.id()));
        }
        return students;
    }

    /**
     * Assigns lessons (one already past its due date) and lets some students work through them, some
     * passing and some choosing a common wrong answer, so the home pages and the dashboard have something to show.
     */
    private void assignAndPractise(
            Actor teacher1, ClassSummary classA, Actor teacher2, ClassSummary classB, List<Actor> studentsA) {
        LocalDate today = LocalDate.now(clock);
        assignments.assign(teacher1, classA.id(), List.of(DEMO_LESSONS.get(0)), today.plusDays(7));
        assignments.assign(teacher1, classA.id(), List.of(DEMO_LESSONS.get(1)), today.minusDays(2));
        assignments.assign(teacher2, classB.id(), List.of(DEMO_LESSONS.get(2)), today.plusDays(5));
        String lessonId = DEMO_LESSONS.get(0);
        var lesson = curriculum.lesson(lessonId).orElseThrow();
        int sections = LessonPlayer.studentSections(lesson);
        for (int i = 0; i < 8; i++) {
            Actor student = studentsA.get(i);
            int read = i < 6 ? sections : 2;
            for (int section = 0; section < read; section++) {
                player.open(student, lessonId, section);
            }
            if (i < 6) {
                boolean misconception = i >= 4;
                for (Question question : lesson.document().questions()) {
                    QuizState state = quizTaking.state(student, lessonId);
                    quizTaking.answer(
                            student,
                            lessonId,
                            state.attempt(),
                            question.id(),
                            pick(
                                    state,
                                    question,
                                    misconception
                                            && question
                                                    == lesson.document()
                                                            .questions()
                                                            .get(0)));
                }
            }
        }
    }

    /** All the right options, or the first wrong one, as the tokens the student's page would send. */
    private static List<String> pick(QuizState state, Question question, boolean wrong) {
        var options = question.options().stream()
                .filter(o -> o.correct() != wrong)
                .map(o -> o.id())
                .toList();
        var ids = wrong ? options.subList(0, 1) : options;
        return state.options().get(question.id()).stream()
                .filter(t -> ids.contains(t.optionId()))
                .map(t -> t.token())
                .toList();
    }

    private static String banner(String password, String joinCode) {
        return """

                ==================================================================
                 Dodam demo school created. Sign in at http://localhost:8080/
                   school admin  demo-admin
                   teachers      demo-teacher, demo-teacher2
                   counsellor    demo-counsellor
                   students      demo-student01 ... demo-student25
                   password      %s   (the same for every demo account)
                   class code    %s   (to try joining as a new student)
                 This is shown once. Delete the data directory to start again.
                ==================================================================
                """.formatted(password, joinCode);
    }
}
