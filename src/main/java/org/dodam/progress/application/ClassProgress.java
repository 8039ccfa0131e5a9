package org.dodam.progress.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dodam.accounts.domain.Account;
import org.dodam.assignments.application.Assignments;
import org.dodam.assignments.application.Assignments.Assigned;
import org.dodam.lessons.application.LessonPlayer;
import org.dodam.lessons.application.LessonPlayer.ProgressSnapshot;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place where progress numbers are computed, for the student's own view and for the teacher's
 * class dashboard alike, so the two can never disagree.
 */
@ApplicationScoped
public class ClassProgress {

    @Inject
    Assignments assignments;

    @Inject
    LessonPlayer player;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "dodam.time-zone", defaultValue = "Asia/Seoul")
    String timeZone;

    public StudentOverview forStudent(Account student) {
        List<Assigned> assigned = assignments.assignedTo(student);
        Map<String, ProgressSnapshot> progress = player.progressOf(List.of(student.id()),
                        assigned.stream().map(Assigned::lessonId).toList()).stream()
                .collect(Collectors.toMap(ProgressSnapshot::lessonId, Function.identity()));
        List<LessonStatus> lessons = assigned.stream()
                .map(a -> status(a.lessonId(), a.dueOn(), progress.get(a.lessonId())))
                .toList();
        return new StudentOverview(lessons);
    }

    /** The state of one student in one assigned lesson. */
    public LessonStatus status(String lessonId, LocalDate dueOn, ProgressSnapshot progress) {
        ZoneId zone = ZoneId.of(timeZone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        ProgressState state = ProgressState.of(progress != null && progress.started(),
                progress == null ? null : progress.completedAt(), dueOn, today, zone);
        return new LessonStatus(lessonId, dueOn, state, progress == null ? null : progress.bestScore(),
                progress == null ? 0 : percent(progress.sectionsSeen(), progress.sectionsTotal()));
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : Math.min(100, part * 100 / whole);
    }

    /** One assigned lesson as the student and the teacher see it. */
    public record LessonStatus(String lessonId, LocalDate dueOn, ProgressState state, Integer bestScore, int sectionsPercent) {
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
