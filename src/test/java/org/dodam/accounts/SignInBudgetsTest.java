package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.dodam.accounts.application.AccountsSettings;
import org.dodam.accounts.application.SignInBudgets;
import org.junit.jupiter.api.Test;

/** The failure budgets' rules under a clock the test moves. */
class SignInBudgetsTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    static final String ATTACKER = "198.18.0.66";
    static final String HOME = "198.18.0.7";

    final MovableClock clock = new MovableClock();
    final SignInBudgets budgets = SignInBudgets.forTesting(clock, AccountsSettings.defaultAllowances());

    @Test
    void aClientWaitsAfterFiveFailuresOnOneAccountAndTheWaitDoubles() {
        for (int i = 0; i < 5; i++) {
            assertThat(budgets.waitBefore(ATTACKER, "minji", false))
                    .as("attempt " + (i + 1))
                    .isZero();
            budgets.failed(ATTACKER, "minji");
        }
        assertThat(budgets.waitBefore(ATTACKER, " MINJI ", false)).isEqualTo(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        budgets.failed(ATTACKER, "minji");
        assertThat(budgets.waitBefore(ATTACKER, "minji", false)).isEqualTo(Duration.ofSeconds(2));
        clock.pass(Duration.ofSeconds(2));
        budgets.failed(ATTACKER, "minji");
        assertThat(budgets.waitBefore(ATTACKER, "minji", false)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            budgets.failed(ATTACKER, "minji");
        }
        assertThat(budgets.waitBefore(ATTACKER, "minji", false))
                .as("at most the longest delay")
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(budgets.waitBefore(HOME, "minji", false))
                .as("the account's own user, elsewhere, goes in")
                .isZero();
    }

    @Test
    void sprayingManyAccountsFromOneClientSlowsItOnEveryAccountButNobodyElse() {
        for (int i = 1; i <= 20; i++) {
            assertThat(budgets.waitBefore(ATTACKER, "student" + i, false)).isZero();
            budgets.failed(ATTACKER, "student" + i);
        }
        assertThat(budgets.waitBefore(ATTACKER, "student21", false))
                .as("an account it never tried")
                .isEqualTo(Duration.ofSeconds(1));
        for (int i = 21; i <= 26; i++) {
            budgets.failed(ATTACKER, "student" + i);
        }
        assertThat(budgets.waitBefore(ATTACKER, "student99", false)).isEqualTo(Duration.ofSeconds(64));
        assertThat(budgets.waitBefore(HOME, "student1", false)).isZero();
        assertThat(budgets.waitBefore(ATTACKER, "demo-counsellor", true))
                .as("staff are not slowed by a sprayer's budget")
                .isZero();
    }

    @Test
    void anAccountUnderAttackFromManyClientsStillLetsInAClientThatHasNotFailed() {
        for (int client = 1; client <= 5; client++) {
            for (int i = 0; i < 4; i++) {
                budgets.failed("203.0.113." + client, "hana");
            }
        }
        assertThat(budgets.waitBefore("203.0.113.1", "hana", false))
                .as("only one free failure once attacked")
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(budgets.waitBefore("203.0.113.77", "hana", false))
                .as("a new attacker gets one try")
                .isZero();
        assertThat(budgets.waitBefore(HOME, "hana", false))
                .as("the real user goes straight in")
                .isZero();
        budgets.failed(HOME, "hana");
        assertThat(budgets.waitBefore(HOME, "hana", false))
                .as("and after a typo waits only a second")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void staffWaitAtMostAMinuteWhateverStrangersDoFromTheirAddress() {
        for (int i = 0; i < 40; i++) {
            budgets.failed(HOME, "demo-counsellor");
        }
        assertThat(budgets.waitBefore(HOME, "demo-counsellor", true)).isEqualTo(SignInBudgets.STAFF_MAX_DELAY);
        assertThat(budgets.waitBefore(HOME, "demo-student01", false))
                .as("a student at that address waits the full delay")
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(budgets.waitBefore("198.18.9.9", "demo-counsellor", true)).isZero();
    }

    @Test
    void signingInForgivesTheClientsFailuresOnThatAccount() {
        // A class behind one school address: each pupil mistypes twice and then gets it right.
        for (int pupil = 1; pupil <= 30; pupil++) {
            budgets.failed(HOME, "pupil" + pupil);
            budgets.failed(HOME, "pupil" + pupil);
            assertThat(budgets.waitBefore(HOME, "pupil" + pupil, false))
                    .as("pupil " + pupil)
                    .isZero();
            budgets.succeeded(HOME, "pupil" + pupil);
        }
        assertThat(budgets.waitBefore(HOME, "pupil31", false)).isZero();
    }

    @Test
    void manyFailuresOverallShrinkEveryFailingClientsAllowance() {
        for (int i = 0; i < 200; i++) {
            budgets.failed("203.0.113." + (i % 200), "account" + i);
        }
        assertThat(budgets.waitBefore(HOME, "minji", false))
                .as("a client that never failed")
                .isZero();
        budgets.failed(HOME, "minji");
        assertThat(budgets.waitBefore(HOME, "minji", false)).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 4; i++) {
            budgets.failed(ATTACKER, "other" + i);
        }
        assertThat(budgets.waitBefore(ATTACKER, "fresh", false))
                .as("five free failures across accounts, not twenty")
                .isZero();
        budgets.failed(ATTACKER, "other5");
        assertThat(budgets.waitBefore(ATTACKER, "fresh", false)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failuresAreForgottenOnceTheWindowPassesWithoutANewOne() {
        for (int i = 0; i < 10; i++) {
            budgets.failed(ATTACKER, "jun");
        }
        assertThat(budgets.waitBefore(ATTACKER, "jun", false)).isPositive();
        clock.pass(Duration.ofMinutes(15));
        assertThat(budgets.waitBefore(ATTACKER, "jun", false)).isZero();
        budgets.failed(ATTACKER, "jun");
        assertThat(budgets.waitBefore(ATTACKER, "jun", false))
                .as("the count started again")
                .isZero();
    }
}
