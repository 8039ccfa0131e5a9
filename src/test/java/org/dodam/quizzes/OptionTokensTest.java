package org.dodam.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.dodam.quizzes.domain.OptionTokens;
import org.dodam.quizzes.domain.OptionTokens.Token;
import org.junit.jupiter.api.Test;

/** Option tokens: stable within an attempt, different across students and attempts, opaque, unforgeable. */
class OptionTokensTest {

    static final SecretKey KEY = new SecretKeySpec(new byte[32], "HmacSHA256");
    static final SecretKey OTHER_KEY = new SecretKeySpec("another key of thirty-two bytes!".getBytes(), "HmacSHA256");
    static final List<String> OPTIONS = List.of("a", "b", "c", "d");

    @Test
    void anAttemptShowsTheSameTokensInTheSameOrderEveryTime() {
        List<Token> first = new OptionTokens(KEY, 7, "lesson", 1).shuffle("q1", OPTIONS);
        assertThat(new OptionTokens(KEY, 7, "lesson", 1).shuffle("q1", OPTIONS)).isEqualTo(first);
        assertThat(first).extracting(Token::optionId).containsExactlyInAnyOrderElementsOf(OPTIONS);
        assertThat(first)
                .extracting(Token::token)
                .isSorted()
                .allMatch(t -> t.matches("[0-9a-f]{32}"))
                .noneMatch(OPTIONS::contains)
                .doesNotHaveDuplicates();
    }

    @Test
    void tokensDifferForEveryOtherStudentAttemptQuestionLessonAndKey() {
        Set<String> seen = new HashSet<>();
        for (OptionTokens tokens : List.of(
                new OptionTokens(KEY, 7, "lesson", 1),
                new OptionTokens(KEY, 8, "lesson", 1),
                new OptionTokens(KEY, 7, "lesson", 2),
                new OptionTokens(KEY, 7, "other-lesson", 1),
                new OptionTokens(OTHER_KEY, 7, "lesson", 1))) {
            tokens.shuffle("q1", OPTIONS)
                    .forEach(t -> assertThat(seen.add(t.token()))
                            .as("a token seen before")
                            .isTrue());
            tokens.shuffle("q2", OPTIONS)
                    .forEach(t -> assertThat(seen.add(t.token()))
                            .as("a token seen before")
                            .isTrue());
        }
    }

    @Test
    void theOrderIsAPermutationThatChangesAcrossAttempts() {
        Set<List<String>> orders = new HashSet<>();
        Set<String> firstShown = new HashSet<>();
        for (int attempt = 1; attempt <= 40; attempt++) {
            List<String> order = new OptionTokens(KEY, 7, "lesson", attempt)
                    .shuffle("q1", OPTIONS).stream().map(Token::optionId).toList();
            orders.add(order);
            firstShown.add(order.get(0));
        }
        assertThat(orders).as("40 attempts, 24 possible orders").hasSizeGreaterThan(10);
        assertThat(firstShown)
                .as("every option comes first in some attempt")
                .containsExactlyInAnyOrderElementsOf(OPTIONS);
    }

    @Test
    void onlyThisAttemptsTokensLeadBackToOptions() {
        OptionTokens tokens = new OptionTokens(KEY, 7, "lesson", 1);
        for (Token token : tokens.shuffle("q1", OPTIONS)) {
            assertThat(tokens.optionId("q1", OPTIONS, token.token())).contains(token.optionId());
            assertThat(tokens.optionId("q2", OPTIONS, token.token()))
                    .as("another question's token")
                    .isEmpty();
            assertThat(new OptionTokens(KEY, 7, "lesson", 2).optionId("q1", OPTIONS, token.token()))
                    .as("the previous attempt's token")
                    .isEmpty();
            assertThat(new OptionTokens(KEY, 8, "lesson", 1).optionId("q1", OPTIONS, token.token()))
                    .as("another student's token")
                    .isEmpty();
        }
        assertThat(tokens.optionId("q1", OPTIONS, "a")).as("an authored id").isEmpty();
        assertThat(tokens.optionId("q1", OPTIONS, "0".repeat(32))).isEmpty();
        assertThat(tokens.optionId("q1", OPTIONS, null)).isEmpty();
    }

    @Test
    void attemptsAreNumberedFromOne() {
        assertThatThrownBy(() -> new OptionTokens(KEY, 7, "lesson", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
