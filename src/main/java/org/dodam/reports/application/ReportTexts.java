package org.dodam.reports.application;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for what a reporter or counsellor may write. Reports carry words and links only: an image, even
 * one pasted as text (a data: URL or a long run of base64), is refused, because holding such an image is
 * itself an offence and the school can act on a link and a description. Control characters are removed
 * and lengths are bounded.
 */
public final class ReportTexts {

    public static final int PLACE_MAX = 1_000;
    public static final int HAPPENED_MAX = 100;
    public static final int DESCRIPTION_MAX = 5_000;
    public static final int MESSAGE_MAX = 3_000;
    public static final int REFERENCE_MAX = 200;

    private static final Pattern DATA_URL =
            Pattern.compile("data:\\s*[a-z]+/[a-z0-9.+\\-]+\\s*(;[^,]*)?,", Pattern.CASE_INSENSITIVE);
    /** 200 or more base64 characters in a row with no space: no sentence looks like that, an encoded file does. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=_\\-]{200,}");

    private static final Pattern CONTROL =
            Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private ReportTexts() {}

    /** Why a text is refused, as a message key; empty when it may be stored. */
    public static Optional<String> problem(String text, int max, boolean required) {
        String clean = clean(text);
        if (clean.isEmpty()) {
            return required ? Optional.of("report.error.required") : Optional.empty();
        }
        if (clean.codePointCount(0, clean.length()) > max) {
            return Optional.of("report.error.tooLong");
        }
        if (DATA_URL.matcher(clean).find() || BASE64_RUN.matcher(clean).find()) {
            return Optional.of("report.error.image");
        }
        return Optional.empty();
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("")
                .strip();
    }
}
