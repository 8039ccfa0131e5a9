package org.dodam.progress.application;

import java.util.List;
import java.util.Map;
import org.dodam.progress.application.ClassProgress.LessonStatus;

/**
 * A class at a glance: students by assigned lessons, completion, the spread of best quiz scores, and the
 * questions most students missed with the wrong answer most of them chose.
 */
public record ClassDashboard(
        String className,
        List<String> lessonIds,
        List<StudentRow> students,
        int completionPercent,
        List<ScoreBand> scoreBands,
        List<MissedQuestion> mostMissed) {

    /** One student's row of the matrix, keyed by lesson id. */
    public record StudentRow(long studentId, String name, String username, Map<String, LessonStatus> lessons) {
        public LessonStatus status(String lessonId) {
            return lessons.get(lessonId);
        }
    }

    /** How many students' best scores fall in [from, to]. */
    public record ScoreBand(int from, int to, long students) {}

    /**
     * A question many students got wrong on their first attempt: how many answered, how many missed it, and
     * the wrong answer chosen most often (the misconception).
     */
    public record MissedQuestion(
            String lessonId,
            String questionId,
            long answered,
            long missed,
            List<String> commonWrongAnswer,
            long commonWrongCount) {
        public int missedPercent() {
            return answered == 0 ? 0 : (int) (missed * 100 / answered);
        }
    }
}
