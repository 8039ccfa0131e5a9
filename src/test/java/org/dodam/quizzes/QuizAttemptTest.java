package org.dodam.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.dodam.content.domain.QuestionKey;
import org.dodam.quizzes.domain.QuizAttempt;
import org.junit.jupiter.api.Test;

/** The quiz attempt's own rules: each question once, scored and submitted with the last answer. */
class QuizAttemptTest {

    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final String LESSON = "consent-asking-first";

    @Test
    void theLastAnswerScoresAndSubmitsTheAttempt() {
        QuizAttempt attempt = new QuizAttempt(7, LESSON, 1, NOW);
        assertThat(attempt.answer(key("q1"), List.of("b"), true, 3, 67, NOW)).isPresent();
        assertThat(attempt.answer(key("q2"), List.of("a"), false, 3, 67, NOW)).isPresent();
        assertThat(attempt.open()).as("two of three answered").isTrue();
        assertThat(attempt.score()).isNull();
        attempt.answer(key("q3"), List.of("c", "d"), true, 3, 67, NOW.plusSeconds(60));
        assertThat(attempt.open()).isFalse();
        assertThat(attempt.score()).as("two of three right, rounded down").isEqualTo(66);
        assertThat(attempt.passed()).as("66 is below a pass mark of 67").isFalse();
    }

    @Test
    void reachingThePassMarkPasses() {
        QuizAttempt attempt = new QuizAttempt(7, LESSON, 2, NOW);
        attempt.answer(key("q1"), List.of("b"), true, 2, 50, NOW);
        attempt.answer(key("q2"), List.of("a"), false, 2, 50, NOW);
        assertThat(attempt.score()).isEqualTo(50);
        assertThat(attempt.passed()).isTrue();
    }

    @Test
    void aQuestionAnsweredAgainChangesNothing() {
        QuizAttempt attempt = new QuizAttempt(7, LESSON, 1, NOW);
        attempt.answer(key("q1"), List.of("a"), false, 2, 50, NOW);
        assertThat(attempt.answer(key("q1"), List.of("b"), true, 2, 50, NOW))
                .as("a double submit")
                .isEmpty();
        assertThat(attempt.answers()).hasSize(1);
        assertThat(attempt.answered(key("q1")).orElseThrow().chosen()).containsExactly("a");
        assertThat(attempt.open()).isTrue();
    }

    @Test
    void aSubmittedAttemptTakesNoMoreAnswersAndAnotherLessonsQuestionIsRefused() {
        QuizAttempt attempt = new QuizAttempt(7, LESSON, 1, NOW);
        assertThatThrownBy(
                        () -> attempt.answer(new QuestionKey("another-lesson", "q1"), List.of("a"), true, 1, 50, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        attempt.answer(key("q1"), List.of("a"), true, 1, 50, NOW);
        assertThatThrownBy(() -> attempt.answer(key("q2"), List.of("a"), true, 1, 50, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void questionKeysReadBackAndRefuseASlashInAnId() {
        assertThat(QuestionKey.parse("consent-asking-first/q3")).isEqualTo(key("q3"));
        assertThat(key("q3").stored()).isEqualTo("consent-asking-first/q3");
        assertThatThrownBy(() -> new QuestionKey("a/b", "q1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuestionKey.parse("no-separator")).isInstanceOf(IllegalArgumentException.class);
    }

    private static QuestionKey key(String question) {
        return new QuestionKey(LESSON, question);
    }
}
