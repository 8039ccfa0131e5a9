package org.dodam.accounts.application;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Input rules for names, usernames and passwords, shared by the pages' Bean Validation constraints and
 * the entry points, which check again so that no request can go around the form.
 */
public final class AccountRules {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,39}";
    /** Letters in any script, digits, spaces and common punctuation; no angle brackets or control characters. */
    public static final String NAME_PATTERN = "[^<>\\p{Cntrl}]{1,80}";

    public static final int NAME_MAX = 80;

    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private AccountRules() {}

    public static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean validUsername(String username) {
        return USERNAME.matcher(normalizeUsername(username)).matches();
    }

    public static boolean validName(String name) {
        return name != null && !name.isBlank() && NAME.matcher(name.strip()).matches();
    }

    public static boolean validPassword(String password) {
        return password != null
                && password.length() >= Passwords.MIN_LENGTH
                && password.length() <= Passwords.MAX_LENGTH;
    }
}
