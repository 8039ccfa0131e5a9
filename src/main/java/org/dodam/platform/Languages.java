package org.dodam.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages Dodam speaks, in one place: the pages, the accounts' saved choice and the course content
 * all read this list. A third language is this list, its message bundles and the content's texts: content is
 * stored one row per language ({@code course_module_text}, {@code lesson_text}), so no schema change.
 */
public final class Languages {

    /** Every supported language, as an ISO 639-1 code; the first is the default. */
    public static final List<String> SUPPORTED = List.of("ko", "en");

    /** The language of a visitor whose browser asks for none Dodam speaks. */
    public static final String DEFAULT = SUPPORTED.get(0);

    private Languages() {}

    public static boolean supported(String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /** This language if Dodam speaks it, otherwise the default. */
    public static String orDefault(String language) {
        return supported(language) ? language : DEFAULT;
    }

    /** A language's name in that language ("한국어", "English"), for the links that offer it. */
    public static String name(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return locale.getDisplayLanguage(locale);
    }

    /**
     * Which of the languages a text has stands in for the one asked for: that language itself, otherwise the
     * default, otherwise the first other supported language it has. A translation that is missing (content
     * loaded before its language was added, or a school's copy that was refused for lacking it) then shows in
     * the default language instead of as a blank. Empty only when the text has no supported language at all.
     */
    public static Optional<String> available(Map<String, ?> byLanguage, String language) {
        if (language != null && byLanguage.get(language) != null) {
            return Optional.of(language);
        }
        return SUPPORTED.stream().filter(l -> byLanguage.get(l) != null).findFirst();
    }

    /** The text in this language, or in the one {@link #available} picks in its place. */
    public static <T> Optional<T> pick(Map<String, T> byLanguage, String language) {
        return available(byLanguage, language).map(byLanguage::get);
    }
}
