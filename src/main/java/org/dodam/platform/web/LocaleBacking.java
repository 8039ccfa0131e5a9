package org.dodam.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.dodam.platform.Languages;

/**
 * The language of this request, one of {@link Languages#SUPPORTED}. A signed-in person's saved choice comes first (kept in
 * their session from sign-in), then the language cookie a switch leaves ({@link LanguageServlet}), then the
 * browser's preference.
 *
 * <p>Nothing here makes a session: visitors who are not signed in (the sign-in page, a student reporting
 * anonymously) get none, so a page view leaves nothing behind on the server, and a flood of requests
 * cannot fill the memory with sessions.
 */
@Named
@RequestScoped
public class LocaleBacking {

    /** The session attribute holding a signed-in person's language. */
    static final String SESSION_KEY = "dodam.language";

    /** The request attribute of {@link #useForRequest}. */
    static final String REQUEST_KEY = "dodam.requestLanguage";

    /** The cookie a language switch leaves: only a supported language's code, nothing that tells visitors apart. */
    static final String COOKIE = "dodam-lang";

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = Locale.forLanguageTag(
                    chosen(FacesContext.getCurrentInstance().getExternalContext()));
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Every language Dodam speaks, for the pages that offer each (the language switch, exports, letters). */
    public List<String> getLanguages() {
        return Languages.SUPPORTED;
    }

    /** A language's name in that language, as a link or button offering it shows it. */
    public String name(String language) {
        return Languages.name(language);
    }

    /** Keeps a signed-in person's language in their session, for a sign-in outside Faces (a servlet). */
    public static void remember(HttpSession session, String language) {
        session.setAttribute(SESSION_KEY, known(language) ? language : Languages.DEFAULT);
    }

    /**
     * Renders this request's page in that language, for a page shown to someone known but not signed in here (a
     * launch in a learning platform's frame, in the language the platform gave).
     */
    public static void useForRequest(HttpServletRequest request, String language) {
        if (known(language)) {
            request.setAttribute(REQUEST_KEY, language);
        }
    }

    /** Called at sign-in, when the session exists, with the account's saved language. */
    public void use(String language) {
        String known = known(language) ? language : Languages.DEFAULT;
        HttpSession session = request().getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_KEY, known);
        }
        locale = Locale.forLanguageTag(known);
    }

    /**
     * The page on screen, as a path on this site with its query, for the language form to come back to.
     * An error page answers for the address that was asked for, so it comes back in the other language.
     */
    public String getHere() {
        HttpServletRequest request = request();
        Object error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = error instanceof String asked ? asked : request.getRequestURI();
        String query = error == null ? request.getQueryString() : null;
        return uri.substring(request.getContextPath().length()) + (query == null ? "" : "?" + query);
    }

    private static String chosen(ExternalContext external) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getAttribute(REQUEST_KEY) instanceof String language) {
            return language;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof String language) {
            return language;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && known(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        var preferred = external.getRequestLocales();
        while (preferred.hasNext()) {
            String language = preferred.next().getLanguage();
            if (known(language)) {
                return language;
            }
        }
        return Languages.DEFAULT;
    }

    static boolean known(String language) {
        return Languages.supported(language);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
