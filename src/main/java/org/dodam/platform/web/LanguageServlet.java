package org.dodam.platform.web;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.dodam.platform.LanguageChosen;

/**
 * The language buttons in every page's header post here. They are a plain HTML form, not a Faces one, so
 * a page that only reads (a lesson part, above all) carries no Faces form, no view state and no script,
 * and a switch works whatever state the page's view is in. The choice goes into a cookie, into the
 * session of a signed-in person and, through {@link LanguageChosen}, onto their account; then the person is sent back to the page they
 * were on. The session cookie is SameSite=Lax, so another site cannot post here as a signed-in person.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    private static final int COOKIE_SECONDS = 365 * 24 * 60 * 60;

    @Inject
    Event<LanguageChosen> chosen;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = request.getParameter("lang");
        if (LocaleBacking.known(language)) {
            if (request.getUserPrincipal() != null) {
                chosen.fire(new LanguageChosen(request.getUserPrincipal().getName(), language));
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(LocaleBacking.SESSION_KEY, language);
            }
            Cookie cookie = new Cookie(LocaleBacking.COOKIE, language);
            cookie.setMaxAge(COOKIE_SECONDS);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            // Secure over HTTPS, and whenever the session cookie is (DODAM_PUBLIC_URL is https: SecureCookies).
            cookie.setSecure(request.isSecure()
                    || request.getServletContext().getSessionCookieConfig().isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + sameSitePath(request.getParameter("return")));
    }

    /** Only a path on this site: anything else (another host, a scheme, a line break) goes home. */
    static String sameSitePath(String path) {
        return path != null
                        && path.startsWith("/")
                        && !path.startsWith("//")
                        && !path.startsWith("/\\")
                        && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                ? path
                : "/";
    }
}
