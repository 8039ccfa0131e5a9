package org.dodam.accounts.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Signing out ends the session entirely; the sign-in page then says so. The button in the header is a
 * plain form posting here (like the language buttons), so it works from any page, whatever state the
 * page's view is in; the session cookie is SameSite=Lax and CrossSitePostFilter refuses another site's post,
 * so another site cannot sign anyone out.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        forgetSessionCookie(request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/login.xhtml?signedOut=true");
    }

    /**
     * Tells the browser to drop the ended session's id. Nothing on the server answers to it any more, but a
     * visitor who is not signed in gets no new session (SignInMechanism), so the dead id would otherwise stay
     * in the browser of a shared school computer.
     */
    private static void forgetSessionCookie(HttpServletRequest request, HttpServletResponse response) {
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        Cookie gone = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), "");
        gone.setMaxAge(0);
        gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        gone.setHttpOnly(true);
        gone.setSecure(request.isSecure() || config.isSecure());
        gone.setAttribute("SameSite", "Lax");
        response.addCookie(gone);
    }
}
