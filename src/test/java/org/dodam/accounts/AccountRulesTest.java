package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.dodam.accounts.application.AccountRules;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    @Test
    void usernamesAreShortAsciiAndCaseInsensitive() {
        assertThat(AccountRules.validUsername("Demo-Student01")).isTrue();
        assertThat(AccountRules.normalizeUsername("  Demo-Student01 ")).isEqualTo("demo-student01");
        assertThat(AccountRules.validUsername("ab")).isFalse();
        assertThat(AccountRules.validUsername("김민지")).isFalse();
        assertThat(AccountRules.validUsername("a".repeat(41))).isFalse();
        assertThat(AccountRules.validUsername("<script>")).isFalse();
        assertThat(AccountRules.validUsername("-leading")).isFalse();
    }

    @Test
    void namesAllowAnyScriptAndEmojiButNoMarkup() {
        assertThat(AccountRules.validName("김민지")).isTrue();
        assertThat(AccountRules.validName("Daniel Park")).isTrue();
        assertThat(AccountRules.validName("민지 🌱")).isTrue();
        assertThat(AccountRules.validName("   ")).isFalse();
        assertThat(AccountRules.validName("<b>x</b>")).isFalse();
        assertThat(AccountRules.validName("a".repeat(81))).isFalse();
        assertThat(AccountRules.validName("line\nbreak")).isFalse();
    }

    @Test
    void passwordsHaveEightTo128Characters() {
        assertThat(AccountRules.validPassword("1234567")).isFalse();
        assertThat(AccountRules.validPassword("12345678")).isTrue();
        assertThat(AccountRules.validPassword("x".repeat(129))).isFalse();
        assertThat(AccountRules.validPassword(null)).isFalse();
    }
}
