package org.dodam.progress.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.Classes.ClassDetails;
import org.dodam.accounts.application.Classes.ClassMember;
import org.dodam.assignments.application.Assignments;
import org.dodam.assignments.application.Assignments.Assigned;
import org.dodam.content.domain.QuestionKey;
import org.dodam.lessons.application.LessonPlayer;
import org.dodam.lessons.application.LessonPlayer.ProgressSnapshot;
import org.dodam.platform.DodamException;
import org.dodam.platform.SchoolClock;
import org.dodam.quizzes.application.QuizTaking;

/**
 * The one place where progress numbers are computed, for the student's own view and for the teacher's
 * class dashboard alike, so the two can never disagree.
 */
@ApplicationScoped
@jakarta.transaction.Transactional
public class ClassProgress {

    @Inject
    Assignments assignments;

    @Inject
    LessonPlayer player;

    @Inject
    Clock clock;

    @Inject
    Classes classes;

    @Inject
    QuizTaking quizTaking;

    @Inject
    SchoolClock schoolClock;

    public StudentOverview forStudent(Actor student) {
        List<Assigned> assigned = assignments.assignedTo(student);
        Map<String, ProgressSnapshot> progress =
                player
                        .progressOf(
                                List.of(student.id()),
                                assigned.stream().map(Assigned::lessonId).toList())
                        .stream()
                        .collect(Collectors.toMap(ProgressSnapshot::lessonId, Function.identity()));
        List<LessonStatus> lessons = assigned.stream()
                .map(a -> status(a.lessonId(), a.dueOn(), progress.get(a.lessonId())))
                .toList();
        return new StudentOverview(lessons);
    }

    /**
     * The class dashboard for a teacher's own class, in a fixed number of queries whatever the class size:
     * students, assignments, students' own due dates, progress and first-attempt answers, one query each.
     * Removed students are not in it; their progress stays in the database.
     */
    public ClassDashboard forClass(Actor teacher, long classId) {
        ClassDetails schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        List<ClassMember> students = classes.students(teacher, classId);
        List<Assigned> assigned = assignments.ofClass(teacher, classId);
        Map<String, LocalDate> personalDue = personalDueDates(teacher, classId);
        List<String> lessonIds = assigned.stream().map(Assigned::lessonId).toList();
        List<Long> studentIds = students.stream().map(ClassMember::id).toList();
        Map<String, ProgressSnapshot> progress = player.progressOf(studentIds, lessonIds).stream()
                .collect(Collectors.toMap(p -> p.studentId() + "|" + p.lessonId(), Function.identity()));
        List<ClassDashboard.StudentRow> rows = new ArrayList<>();
        long cells = 0;
        long done = 0;
        List<Integer> bestScores = new ArrayList<>();
        for (ClassMember student : students) {
            Map<String, LessonStatus> lessons = new LinkedHashMap<>();
            for (Assigned a : assigned) {
                String key = student.id() + "|" + a.lessonId();
                LessonStatus status = status(
                        a.lessonId(),
                        personalDue.getOrDefault(key, a.dueOn()),
                        personalDue.containsKey(key),
                        progress.get(key));
                lessons.put(a.lessonId(), status);
                cells++;
                done += status.state().completed() ? 1 : 0;
                if (status.bestScore() != null) {
                    bestScores.add(status.bestScore());
                }
            }
            rows.add(new ClassDashboard.StudentRow(student.id(), student.displayName(), student.username(), lessons));
        }
        return new ClassDashboard(
                schoolClass.name(),
                lessonIds,
                rows,
                cells == 0 ? 0 : (int) (done * 100 / cells),
                scoreBands(bestScores),
                mostMissed(quizTaking.firstAttemptAnswers(studentIds, lessonIds)));
    }

    /**
     * One student of the teacher's class: each assigned lesson with the due date that applies to them, its
     * state, best score and reading, and every quiz attempt. Another class's student is not found.
     */
    public StudentReport forStudentInClass(Actor teacher, long classId, long studentId) {
        ClassDetails schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        ClassMember student = classes.students(teacher, classId).stream()
                .filter(s -> s.id() == studentId)
                .findFirst()
                .orElseThrow(DodamException::notFound);
        List<Assigned> assigned = assignments.ofClass(teacher, classId);
        Map<String, LocalDate> personalDue = personalDueDates(teacher, classId);
        List<String> lessonIds = assigned.stream().map(Assigned::lessonId).toList();
        Map<String, ProgressSnapshot> progress = player.progressOf(List.of(studentId), lessonIds).stream()
                .collect(Collectors.toMap(ProgressSnapshot::lessonId, Function.identity()));
        Map<String, List<QuizTaking.AttemptSummary>> attempts = quizTaking.attemptsOf(studentId, lessonIds).stream()
                .collect(Collectors.groupingBy(QuizTaking.AttemptSummary::lessonId));
        List<StudentLesson> lessons = assigned.stream()
                .map(a -> {
                    String key = studentId + "|" + a.lessonId();
                    return new StudentLesson(
                            status(
                                    a.lessonId(),
                                    personalDue.getOrDefault(key, a.dueOn()),
                                    personalDue.containsKey(key),
                                    progress.get(a.lessonId())),
                            a.dueOn(),
                            attempts.getOrDefault(a.lessonId(), List.of()));
                })
                .toList();
        return new StudentReport(
                schoolClass.name(),
                schoolClass.archived(),
                student.id(),
                student.displayName(),
                student.username(),
                lessons);
    }

    private Map<String, LocalDate> personalDueDates(Actor teacher, long classId) {
        return assignments.personalDueDates(teacher, classId).stream()
                .collect(Collectors.toMap(p -> p.studentId() + "|" + p.lessonId(), Assignments.PersonalDue::dueOn));
    }

    private static List<ClassDashboard.ScoreBand> scoreBands(List<Integer> scores) {
        int[][] bands = {{0, 49}, {50, 69}, {70, 89}, {90, 100}};
        List<ClassDashboard.ScoreBand> result = new ArrayList<>();
        for (int[] band : bands) {
            result.add(new ClassDashboard.ScoreBand(
                    band[0],
                    band[1],
                    scores.stream().filter(s -> s >= band[0] && s <= band[1]).count()));
        }
        return result;
    }

    /** Questions missed by at least one student, most missed first, at most ten. */
    private static List<ClassDashboard.MissedQuestion> mostMissed(List<QuizTaking.AnswerCount> counts) {
        Map<String, List<QuizTaking.AnswerCount>> byQuestion = counts.stream()
                .collect(Collectors.groupingBy(
                        QuizTaking.AnswerCount::questionKey, LinkedHashMap::new, Collectors.toList()));
        List<ClassDashboard.MissedQuestion> missed = new ArrayList<>();
        byQuestion.forEach((key, answers) -> {
            long answered =
                    answers.stream().mapToLong(QuizTaking.AnswerCount::count).sum();
            long wrong = answers.stream()
                    .filter(a -> !a.correct())
                    .mapToLong(QuizTaking.AnswerCount::count)
                    .sum();
            if (wrong == 0) {
                return;
            }
            QuizTaking.AnswerCount common = answers.stream()
                    .filter(a -> !a.correct())
                    .max(Comparator.comparingLong(QuizTaking.AnswerCount::count))
                    .orElseThrow();
            QuestionKey question = QuestionKey.parse(key);
            missed.add(new ClassDashboard.MissedQuestion(
                    question.lessonId(),
                    question.questionId(),
                    answered,
                    wrong,
                    List.of(common.chosen().split(",")),
                    common.count()));
        });
        return missed.stream()
                .sorted(Comparator.comparingInt(ClassDashboard.MissedQuestion::missedPercent)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(ClassDashboard.MissedQuestion::missed)
                                .reversed()))
                .limit(10)
                .toList();
    }

    /** The state of one student in one assigned lesson. */
    public LessonStatus status(String lessonId, LocalDate dueOn, ProgressSnapshot progress) {
        return status(lessonId, dueOn, false, progress);
    }

    private LessonStatus status(String lessonId, LocalDate dueOn, boolean personalDue, ProgressSnapshot progress) {
        ProgressState state = ProgressState.of(
                progress != null && progress.started(),
                progress == null ? null : progress.completedAt(),
                dueOn,
                schoolClock.today(),
                schoolClock.zone());
        return new LessonStatus(
                lessonId,
                dueOn,
                personalDue,
                state,
                progress == null ? null : progress.bestScore(),
                progress == null ? 0 : percent(progress.sectionsSeen(), progress.sectionsTotal()));
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : Math.min(100, part * 100 / whole);
    }

    /**
     * One assigned lesson as the student and the teacher see it. {@code dueOn} is the date that applies to
     * this student: their own when {@code personalDue}, otherwise the class's.
     */
    public record LessonStatus(
            String lessonId,
            LocalDate dueOn,
            boolean personalDue,
            ProgressState state,
            Integer bestScore,
            int sectionsPercent) {}

    /** One student of a class as the teacher's per-student view shows them. */
    public record StudentReport(
            String className,
            boolean classArchived,
            long studentId,
            String name,
            String username,
            List<StudentLesson> lessons) {}

    /** One assigned lesson of that student, with the class's own due date beside theirs, and their attempts. */
    public record StudentLesson(LessonStatus status, LocalDate classDueOn, List<QuizTaking.AttemptSummary> attempts) {
        public long submittedAttempts() {
            return attempts.stream().filter(a -> !a.open()).count();
        }
    }

    /** Everything assigned to one student, in due-date order, with the share completed. */
    public record StudentOverview(List<LessonStatus> lessons) {
        public long completed() {
            return lessons.stream().filter(l -> l.state().completed()).count();
        }

        public int percentComplete() {
            return lessons.isEmpty() ? 0 : (int) (completed() * 100 / lessons.size());
        }
    }
}
