package org.dodam.testing;

/**
 * The container's session cookie, by either of its names: {@code JSESSIONID}, or {@code __Host-JSESSIONID} when
 * Dodam's public address is https ({@code SecureCookies}). A test that checks no session was made must look for
 * both, or it would pass on a server behind the proxy whatever happened.
 */
public final class SessionCookies {

    public static final String NAME = "JSESSIONID";
    public static final String NAME_BEHIND_HTTPS = "__Host-JSESSIONID";

    private SessionCookies() {}

    /** Whether a {@code Set-Cookie} value sets the session cookie. */
    public static boolean isSession(String setCookie) {
        return setCookie.startsWith(NAME + "=") || setCookie.startsWith(NAME_BEHIND_HTTPS + "=");
    }

    /** Whether a cookie of that name is the session cookie. */
    public static boolean isSessionName(String name) {
        return NAME.equals(name) || NAME_BEHIND_HTTPS.equals(name);
    }
}
