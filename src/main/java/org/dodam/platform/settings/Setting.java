package org.dodam.platform.settings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * One run-time setting: its name, its default, and the rule its value must meet, declared once as a constant of
 * the settings holder that reads it ({@code SignInSettings.ACCOUNT_FAILURES}). The value comes from MicroProfile
 * Config, so from the environment variable that MicroProfile names after it ({@code dodam.signin.account-failures}
 * is {@code DODAM_SIGNIN_ACCOUNT_FAILURES}), never from the build.
 *
 * <p>A value that breaks the rule is not corrected or ignored: reading it throws {@link Invalid} with the variable's
 * name, what it holds and what it should hold, and since every holder is read at start-up (see {@link Settings}),
 * Dodam does not start with it. The values of secret settings (passwords, keys) never appear in a message.
 * Defaults are parsed when the constant is made, so a default that breaks its own rule fails the first test.
 *
 * @param <T> what the setting's text becomes: a number, a duration, an address, or an {@code Optional} of one
 *            for a setting that may be left unset
 */
public final class Setting<T> {

    private final String name;
    private final String defaultText;
    private final String expected;
    private final Function<String, T> parse;
    private final T absent;
    private final boolean secret;

    private Setting(
            String name, String defaultText, String expected, Function<String, T> parse, T absent, boolean secret) {
        if (!name.matches("dodam(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("not a setting name: " + name);
        }
        this.name = name;
        this.defaultText = defaultText;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.parse = Objects.requireNonNull(parse, "parse");
        this.secret = secret;
        this.absent = defaultText == null ? absent : parse(defaultText);
    }

    /** A setting with a default, whose text {@code parse} turns into a value or refuses with an exception. */
    public static <T> Setting<T> of(String name, String defaultText, String expected, Function<String, T> parse) {
        return new Setting<>(name, Objects.requireNonNull(defaultText, "defaultText"), expected, parse, null, false);
    }

    /** A setting that may be left unset, when it reads as empty. */
    public static <T> Setting<Optional<T>> optional(String name, String expected, Function<String, T> parse) {
        return new Setting<>(name, null, expected, text -> Optional.of(parse.apply(text)), Optional.empty(), false);
    }

    /** Free text that may be left unset. */
    public static Setting<Optional<String>> optionalText(String name) {
        return optional(name, "any text", text -> text);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Integer> whole(String name, int defaultValue, int min, int max) {
        return of(name, String.valueOf(defaultValue), "a whole number from " + min + " to " + max, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        });
    }

    /** A number of seconds, at least {@code minSeconds}. */
    public static Setting<Duration> seconds(String name, long defaultSeconds, long minSeconds) {
        return of(name, String.valueOf(defaultSeconds), "a whole number of seconds, at least " + minSeconds, text -> {
            long value = Long.parseLong(text);
            if (value < minSeconds) {
                throw new IllegalArgumentException("too small");
            }
            return Duration.ofSeconds(value);
        });
    }

    /** A number of days, at least 0. */
    public static Setting<Duration> days(String name, long defaultDays) {
        return of(name, String.valueOf(defaultDays), "a whole number of days, at least 0", text -> {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException("negative");
            }
            return Duration.ofDays(value);
        });
    }

    /** On or off: {@code true} or {@code false} (also {@code yes}/{@code no}, {@code on}/{@code off}). */
    public static Setting<Boolean> flag(String name, boolean defaultValue) {
        return of(name, String.valueOf(defaultValue), "true or false", Setting::bool);
    }

    /** One of a few words, case aside. */
    public static Setting<String> oneOf(String name, String defaultValue, Set<String> allowed) {
        return of(
                name,
                defaultValue,
                "one of " + String.join(", ", allowed.stream().sorted().toList()),
                text -> {
                    String upper = text.toUpperCase(Locale.ROOT);
                    return allowed.stream()
                            .filter(a -> a.equalsIgnoreCase(upper))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("not allowed"));
                });
    }

    /** A time zone such as {@code Asia/Seoul}. */
    public static Setting<ZoneId> zone(String name, String defaultValue) {
        return of(name, defaultValue, "a time zone such as Asia/Seoul or Australia/Sydney", text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    /** An {@code http://} or {@code https://} address with a host, always ending in {@code /}. */
    public static Setting<URI> webAddress(String name, String defaultValue) {
        return of(
                name,
                defaultValue,
                "an http:// or https:// address such as https://dodam.school.example/",
                Setting::webAddress);
    }

    /** The same setting, whose value is never written into a message (a password, a key). */
    public Setting<T> secret() {
        return new Setting<>(name, defaultText, expected, parse, absent, true);
    }

    /** The property name, as MicroProfile Config knows it: {@code dodam.signin.account-failures}. */
    public String name() {
        return name;
    }

    /** The environment variable an operator sets: {@code DODAM_SIGNIN_ACCOUNT_FAILURES}. */
    public String environmentVariable() {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The default as an operator would write it; empty when the setting has none (it is left unset). */
    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    /** The value when the setting is left unset: its default, or empty. */
    public T defaultValue() {
        return absent;
    }

    /** What a value must be, in words, as the error message and the README say it. */
    public String expected() {
        return expected;
    }

    /** The value the configuration gives, or the default; a value that breaks the rule throws {@link Invalid}. */
    public T read(Config config) {
        return parse(config.getOptionalValue(name, String.class));
    }

    /** Whether the configuration gives this setting a value of its own (for the start-up log; never the value). */
    public boolean isSet(Config config) {
        return config.getOptionalValue(name, String.class)
                .filter(v -> !v.isBlank())
                .isPresent();
    }

    /** The value of this text, or the default when there is none; a value that breaks the rule throws {@link Invalid}. */
    public T parse(Optional<String> raw) {
        Optional<String> text = raw.map(String::strip).filter(t -> !t.isEmpty());
        return text.isPresent() ? parse(text.get()) : absent;
    }

    private T parse(String text) {
        try {
            return Objects.requireNonNull(parse.apply(text.strip()));
        } catch (RuntimeException e) {
            throw new Invalid(
                    environmentVariable() + " (" + name + ") is " + (secret ? "not valid" : "'" + text.strip() + "'")
                            + ": it must be " + expected
                            + (defaultText == null ? ", or left unset" : " (default " + defaultText + ")")
                            + ". Dodam does not start with it.");
        }
    }

    /** Every setting declared as a constant of this class or its superclasses (a CDI subclass finds its bean's). */
    public static List<Setting<?>> constantsOf(Class<?> type) {
        List<Setting<?>> settings = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                    try {
                        field.setAccessible(true);
                        settings.add((Setting<?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return settings;
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a flag");
        };
    }

    private static URI webAddress(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not a web address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return environmentVariable();
    }

    /** A setting's value breaks its rule; the message names the variable and says what it must be. */
    public static final class Invalid extends IllegalStateException {
        public Invalid(String message) {
            super(message);
        }
    }
}
