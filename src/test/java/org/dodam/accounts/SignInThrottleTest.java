package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dodam.accounts.application.SignInThrottle;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final SignInThrottle throttle = SignInThrottle.forTesting(clock, 5, 60);

    @Test
    void locksAUsernameAfterFiveFailuresAndOnlyThatUsername() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Minji");
            assertThat(throttle.locked("minji")).isFalse();
        }
        throttle.failed(" MINJI ");
        assertThat(throttle.locked("minji")).isTrue();
        assertThat(throttle.locked("jun")).isFalse();
    }

    @Test
    void theLockEndsAfterItsTimeAndSuccessClearsFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("jun");
        }
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(throttle.locked("jun")).isFalse();
        throttle.failed("jun");
        assertThat(throttle.locked("jun")).as("the count started again").isFalse();

        for (int i = 0; i < 3; i++) {
            throttle.failed("dami");
        }
        throttle.succeeded("dami");
        throttle.failed("dami");
        throttle.failed("dami");
        assertThat(throttle.locked("dami")).isFalse();
    }
}
