package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fallback rule every text with one value per language follows: the language asked for, else the default. */
class LanguagesTest {

    @Test
    void aTextInTheLanguageAskedForIsThatText() {
        Map<String, String> titles = Map.of("ko", "먼저 물어보기", "en", "Asking first");
        assertThat(Languages.pick(titles, "en")).contains("Asking first");
        assertThat(Languages.pick(titles, "ko")).contains("먼저 물어보기");
        assertThat(Languages.available(titles, "en")).contains("en");
    }

    @Test
    void aMissingTranslationFallsBackToTheDefaultLanguage() {
        Map<String, String> titles = Map.of("ko", "먼저 물어보기", "en", "Asking first");
        assertThat(Languages.DEFAULT).isEqualTo("ko");
        assertThat(Languages.pick(titles, "ja")).contains("먼저 물어보기");
        assertThat(Languages.available(titles, "ja")).contains("ko");
        assertThat(Languages.pick(titles, null)).contains("먼저 물어보기");
    }

    @Test
    void withoutTheDefaultLanguageTheFirstOtherSupportedLanguageStandsIn() {
        Map<String, String> titles = new HashMap<>();
        titles.put("en", "Asking first");
        titles.put("ko", null);
        assertThat(Languages.pick(titles, "ko"))
                .as("a null text counts as missing")
                .contains("Asking first");
        assertThat(Languages.pick(Map.of("ja", "まず聞く"), "ja"))
                .as("a language the text has, even one Dodam does not speak yet")
                .contains("まず聞く");
        assertThat(Languages.pick(Map.of("ja", "まず聞く"), "en")).isEmpty();
        assertThat(Languages.pick(Map.<String, String>of(), "en")).isEmpty();
    }

    @Test
    void onlySupportedLanguagesAreKept() {
        assertThat(Languages.orDefault("en")).isEqualTo("en");
        assertThat(Languages.orDefault("ja")).isEqualTo(Languages.DEFAULT);
        assertThat(Languages.orDefault(null)).isEqualTo(Languages.DEFAULT);
    }

    @Test
    void eachLanguageIsOfferedUnderItsOwnName() {
        assertThat(Languages.name("ko")).isEqualTo("한국어");
        assertThat(Languages.name("en")).isEqualTo("English");
    }
}
