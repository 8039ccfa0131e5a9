package org.dodam.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dodam.lti.domain.ScoreDelivery;
import org.junit.jupiter.api.Test;

/** The outbox row's rules: due at once, a back-off that doubles up to six hours, given up after the last try. */
class ScoreDeliveryTest {

    static final Instant FINISHED = Instant.parse("2026-12-07T09:00:00Z");
    static final Duration BASE = Duration.ofMinutes(1);

    @Test
    void aNewScoreIsDueWhenItsQuizFinished() {
        ScoreDelivery score = new ScoreDelivery(1, 80, FINISHED);
        assertThat(score.nextAttemptAt()).isEqualTo(FINISHED);
        assertThat(score.attempts()).isZero();
        assertThat(score.sentAt()).isEmpty();
    }

    @Test
    void eachFailureDoublesTheWaitUpToSixHours() {
        ScoreDelivery score = new ScoreDelivery(1, 80, FINISHED);
        Instant now = FINISHED;
        long[] expectedMinutes = {1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360};
        for (long minutes : expectedMinutes) {
            score.failed(now, "score service: HTTP 503", BASE);
            assertThat(Duration.between(now, score.nextAttemptAt())).isEqualTo(Duration.ofMinutes(minutes));
            now = score.nextAttemptAt();
        }
        assertThat(score.attempts()).isEqualTo(expectedMinutes.length);
        assertThat(score.lastError()).contains("score service: HTTP 503");
        assertThat(score.givenUpAt()).isEmpty();
    }

    @Test
    void aScoreIsGivenUpAfterTheLastTryAndASentOneForgetsItsError() {
        ScoreDelivery refused = new ScoreDelivery(1, 80, FINISHED);
        for (int i = 0; i < ScoreDelivery.MAX_ATTEMPTS; i++) {
            assertThat(refused.givenUpAt()).isEmpty();
            refused.failed(FINISHED.plusSeconds(i), "x".repeat(500), BASE);
        }
        assertThat(refused.givenUpAt()).isPresent();
        assertThat(refused.lastError()).get().asString().hasSize(200);

        ScoreDelivery sent = new ScoreDelivery(1, 80, FINISHED);
        sent.failed(FINISHED, "down", BASE);
        sent.sent(FINISHED.plusSeconds(60));
        assertThat(sent.sentAt()).contains(FINISHED.plusSeconds(60));
        assertThat(sent.lastError()).isEmpty();
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aScoreIsAPercentage() {
        assertThatThrownBy(() -> new ScoreDelivery(1, 101, FINISHED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreDelivery(1, -1, FINISHED)).isInstanceOf(IllegalArgumentException.class);
    }
}
