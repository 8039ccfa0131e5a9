package org.dodam.lti.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.lti.application.DeepLinkRequest;
import org.dodam.lti.application.LaunchRefused;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.Launches.Launched;
import org.dodam.lti.application.RosterReader;
import org.dodam.platform.web.LocaleBacking;

/**
 * Signs in the person of a verified launch, as the sign-in form does: whoever was signed in in this browser before is
 * signed out, Jakarta Security authenticates the launch's credential, the session gets a new id and keeps the account
 * and its language (and a teacher's deep linking request, for the lesson picker), a teacher's launch has the course's
 * roster read in the background, and the person lands on their page with a 303. The launch address does this at once
 * ({@link LaunchServlet}); a launch that arrived in the platform's frame does it in the tab its ticket opens
 * ({@link ContinueServlet}).
 */
@ApplicationScoped
public class LaunchSignIn {

    @Inject
    SecurityContext securityContext;

    @Inject
    CurrentUser currentUser;

    @Inject
    RosterReader rosterReader;

    void signIn(HttpServletRequest request, HttpServletResponse response, Launched launched) throws ServletException {
        signOutWhoeverWasHere(request);
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(launched.credential())
                        .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            throw new LaunchRefused(Reason.ACCOUNT);
        }
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        Actor arrived = currentUser
                .rememberById(session, launched.arrival().accountId())
                .orElseThrow(() -> new LaunchRefused(Reason.ACCOUNT));
        LocaleBacking.remember(session, arrived.locale());
        if (launched.arrival().rosterCourseId() != null) {
            rosterReader.readSoon(launched.arrival().rosterCourseId());
        }
        if (launched.arrival().deepLink() != null) {
            session.setAttribute(DeepLinkRequest.SESSION_KEY, launched.arrival().deepLink());
        }
        if (status == AuthenticationStatus.SUCCESS) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(
                    "Location", request.getContextPath() + launched.arrival().landing());
        }
    }

    /** A launch that failed after signing in began leaves no session behind. */
    static void dropSessionBegunHere(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.isNew()) {
            session.invalidate();
        }
    }

    private static void signOutWhoeverWasHere(HttpServletRequest request) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
    }
}
