package org.dodam.quizzes.application;

/**
 * A student answered the last question of a quiz attempt. Fired inside the answer's transaction, so that
 * whoever keeps the student's lesson progress records it with the attempt, or not at all.
 */
public record QuizFinished(long studentId, String lessonId, int score, boolean passed) {}
