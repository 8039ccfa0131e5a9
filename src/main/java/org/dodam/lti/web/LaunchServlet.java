package org.dodam.lti.web;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.lti.application.DeepLinkRequest;
import org.dodam.lti.application.LaunchRefused;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.Launches;
import org.dodam.lti.application.Launches.Launched;
import org.dodam.lti.application.RosterReader;
import org.dodam.platform.web.LocaleBacking;

/**
 * The launch address (the {@code redirect_uri} a platform has registered): the platform's page posts the
 * {@code id_token} and {@code state} here from its own site ({@code CrossSitePostFilter} lets this path through).
 * A launch that passes every check ({@link Launches}) signs the person in as the sign-in form does: whoever was
 * signed in in this browser before is signed out, Jakarta Security authenticates the launch's credential, the
 * session gets a new id, and it keeps the account and its language (and a teacher's deep linking request, for the
 * lesson picker); then the person lands on their page with a 303. Anything else gets the refusal page, and nobody new is signed in (a refused post does not sign out whoever
 * was, so a forged one cannot sign anyone out either).
 */
@WebServlet(LaunchPages.LAUNCH)
public class LaunchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Launches launches;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient RosterReader rosterReader;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            Launched launched = launches.launch(request.getParameter("id_token"), request.getParameter("state"));
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
                session.setAttribute(
                        DeepLinkRequest.SESSION_KEY, launched.arrival().deepLink());
            }
            if (status == AuthenticationStatus.SUCCESS) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader(
                        "Location",
                        request.getContextPath() + launched.arrival().landing());
            }
        } catch (LaunchRefused refused) {
            dropSessionBegunHere(request);
            LaunchPages.refuse(request, response, refused);
        } catch (RuntimeException failed) {
            dropSessionBegunHere(request);
            LaunchPages.failed(request, response, failed);
        }
    }

    /** A launch that failed after signing in began leaves no session behind. */
    private static void dropSessionBegunHere(HttpServletRequest request) {
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
