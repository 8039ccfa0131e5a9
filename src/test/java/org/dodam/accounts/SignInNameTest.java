package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.Role;
import org.dodam.accounts.domain.School;
import org.junit.jupiter.api.Test;

/**
 * The name sign-in failures are counted under: the sign-in form (which has the code as typed) and the password
 * pages (which have the account) count one account's failures together, and two schools' "minji" apart.
 */
class SignInNameTest {

    static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void theFormAndThePasswordPagesCountOneAccountTogetherAndTwoSchoolsApart() {
        Account hangang = new Account(
                new School("Hangang High School", "KR", "hangang", NOW),
                "minji",
                "hash",
                Role.STUDENT,
                "Minji",
                null,
                "ko",
                NOW);
        Account namsan = new Account(
                new School("Namsan School", "KR", "namsan", NOW),
                "minji",
                "hash",
                Role.STUDENT,
                "Minji",
                null,
                "ko",
                NOW);
        assertThat(Account.signInName("  Hangang ", "minji")).isEqualTo(hangang.signInName());
        assertThat(hangang.signInName()).isNotEqualTo(namsan.signInName());
    }
}
