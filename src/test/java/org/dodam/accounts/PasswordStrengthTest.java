package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dodam.accounts.application.Hangul;
import org.dodam.accounts.application.PasswordStrength;
import org.dodam.accounts.application.PasswordStrength.Verdict;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.web.Texts;
import org.junit.jupiter.api.Test;

/** What the password estimator lets through, with its Korean dictionaries and the bundled list of common passwords. */
class PasswordStrengthTest {

    static final PasswordStrength STRENGTH = PasswordStrength.forTesting(2, 3);

    @Test
    void commonAndLeakedPasswordsAreRefusedWithTheReason() {
        for (String common :
                List.of("12345678", "password123", "qwer1234", "1q2w3e4r", "iloveyou1004", "baseball", "Trustno1")) {
            Verdict verdict = STRENGTH.judge(common, Role.STUDENT);
            assertThat(verdict.acceptable()).as(common).isFalse();
            assertThat(verdict.messageKeys())
                    .as(common)
                    .startsWith("password.weak.common")
                    .endsWith("password.tip.words");
        }
    }

    @Test
    void koreanWordsTypedOnAnEnglishKeyboardOrRomanizedAreEasyToGuess() {
        assertThat(Hangul.dubeolsikKeys("사랑해")).isEqualTo("tkfkdgo");
        assertThat(Hangul.dubeolsikKeys("비밀번호")).isEqualTo("qlalfqjsgh");
        assertThat(Hangul.dubeolsikKeys("안녕하세요")).isEqualTo("dkssudgktpdy");
        assertThat(Hangul.dubeolsikKeys("쌍"))
                .as("shifted keys typed in lower case")
                .isEqualTo("tkd");
        assertThat(Hangul.romanized("대한민국")).isEqualTo("daehanminguk");
        assertThat(Hangul.romanized("행복")).isEqualTo("haengbok");

        for (String korean : List.of("eogksalsrnr12", "qlalfqjsgh!!")) {
            Verdict verdict = STRENGTH.judge(korean, Role.STUDENT);
            assertThat(verdict.acceptable()).as(korean).isFalse();
            assertThat(verdict.messageKeys()).as(korean).startsWith("password.weak.korean");
        }
        // 학교 (gkrry), 사랑해 (tkfkdgo) and 공주 (rhdwn) typed in English mode: a staff password built on one of them
        // is refused, while the same shape built on letters that spell no Korean word passes.
        for (String korean : List.of("gkrry2024!", "tkfkdgo2024!", "rhdwn1004!")) {
            Verdict verdict = STRENGTH.judge(korean, Role.TEACHER);
            assertThat(verdict.acceptable()).as(korean).isFalse();
            assertThat(verdict.messageKeys()).as(korean).startsWith("password.weak.korean");
        }
        assertThat(STRENGTH.judge("gkzvq2024!", Role.TEACHER).acceptable()).isTrue();
        assertThat(STRENGTH.judge("tkzvq2024!", Role.TEACHER).acceptable()).isTrue();
        assertThat(STRENGTH.judge("saranghae2024!", Role.TEACHER).acceptable())
                .as("romanized")
                .isFalse();
    }

    @Test
    void aPersonsOwnNameInAnyFormIsRefused() {
        // 김민지 typed on a dubeolsik keyboard in English mode is rlaalswl.
        Verdict typed = STRENGTH.judge("rlaalswl2013", Role.STUDENT, "minji-k", "김민지", "도담중학교");
        assertThat(typed.acceptable()).isFalse();
        assertThat(typed.messageKeys()).startsWith("password.weak.personal");
        assertThat(STRENGTH.judge("minji-k-2013", Role.STUDENT, "minji-k", "김민지")
                        .acceptable())
                .as("username and a year")
                .isFalse();
        assertThat(STRENGTH.judge("minji2010!", Role.STUDENT, "student-07", "김민지")
                        .acceptable())
                .as("given name, romanized")
                .isFalse();
        assertThat(STRENGTH.judge("minji2010!", Role.STUDENT, "student-07", "이서준")
                        .acceptable())
                .as("someone else's name")
                .isTrue();
    }

    @Test
    void staffNeedStrongerPasswordsThanStudents() {
        assertThat(STRENGTH.judge("minji2010!", Role.STUDENT).acceptable()).isTrue();
        assertThat(STRENGTH.judge("minji2010!", Role.TEACHER).acceptable()).isFalse();
        assertThat(STRENGTH.judge("minji2010!", Role.COUNSELLOR).acceptable()).isFalse();
        assertThat(STRENGTH.judge("far-teacher-pass", Role.TEACHER, "far-teacher")
                        .acceptable())
                .as("username plus 'pass'")
                .isFalse();
    }

    @Test
    void passphrasesInEitherLanguagePass() {
        for (String good :
                List.of("green turtle plays chess", "Blue-Whale-Rides-9", "구름위자전거탄고래", "my dog likes snow")) {
            assertThat(STRENGTH.judge(good, Role.COUNSELLOR, "someone").acceptable())
                    .as(good)
                    .isTrue();
        }
        assertThatThrownBy(() -> STRENGTH.require("12345678", Role.STUDENT))
                .isInstanceOf(PasswordStrength.WeakPassword.class);
        STRENGTH.require("green turtle plays chess", Role.STUDENT);
    }

    @Test
    void theExamplesThePagesShowAreRefusedSinceSomeoneWillCopyThem() {
        for (String example : List.of("purple tiger eats ramen", "Purple Tiger Eats Ramen", "보라색 호랑이가 라면을 먹어")) {
            assertThat(STRENGTH.judge(example, Role.STUDENT).messageKeys())
                    .as(example)
                    .startsWith("password.weak.common");
        }
        for (String language : List.of("ko", "en")) {
            String tip = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(language))
                    .getString("password.tip.words");
            String example = tip.substring(tip.indexOf('"') + 1, tip.lastIndexOf('"'));
            assertThat(STRENGTH.judge(example, Role.STUDENT).acceptable())
                    .as(example)
                    .isFalse();
        }
    }

    @Test
    void everyMessageTheEstimatorCanGiveIsTranslated() {
        List<String> keys = new java.util.ArrayList<>(List.of(
                "password.weak",
                "password.weak.empty",
                "password.weak.common",
                "password.weak.personal",
                "password.weak.korean",
                "password.weak.short",
                "password.tip.words"));
        for (String name : List.of(
                "straightRowsOfKeys",
                "shortKeyboardPatterns",
                "likeAAA",
                "likeABCABCABC",
                "likeABCor6543",
                "recentYears",
                "dates",
                "top10",
                "top100",
                "veryCommon",
                "similar",
                "itself",
                "namesThemselves",
                "namesCommon")) {
            keys.add("password.weak." + name);
        }
        for (String name : List.of(
                "capitalization",
                "allUppercase",
                "reversed",
                "l33t",
                "UseLongerKeyboardPattern",
                "avoidRepeatedWords",
                "avoidSequences",
                "avoidRecentYears",
                "avoidDates",
                "noNeedSymbols")) {
            keys.add("password.tip." + name);
        }
        for (String password : List.of(
                "aaaaaaaa1", "abcabcabcabc", "2019-05-17", "Qwertyuiop", "drowssap1", "p@ssw0rd99", "zxcvbnm,./")) {
            keys.addAll(STRENGTH.judge(password, Role.TEACHER).messageKeys());
        }
        for (String language : List.of("ko", "en")) {
            ResourceBundle bundle = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(language));
            for (String key : keys) {
                assertThat(bundle.containsKey(key)).as(language + ": " + key).isTrue();
            }
        }
    }
}
