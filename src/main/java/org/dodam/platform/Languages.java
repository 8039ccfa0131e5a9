package org.dodam.platform;

import java.util.List;

/**
 * The languages Dodam speaks, in one place: the pages, the accounts' saved choice and the course content
 * all read this list. A third language is this list, its message bundle and the content's texts.
 */
public final class Languages {

    /** Every supported language, as an ISO 639-1 code; the first is the default. */
    public static final List<String> SUPPORTED = List.of("ko", "en");

    /** The language of a visitor whose browser asks for none Dodam speaks. */
    public static final String DEFAULT = SUPPORTED.get(0);

    private Languages() {
    }

    public static boolean supported(String language) {
        return language != null && SUPPORTED.contains(language);
    }
}
