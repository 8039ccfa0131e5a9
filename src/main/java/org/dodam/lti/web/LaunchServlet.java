package org.dodam.lti.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.dodam.lti.application.LaunchRefused;
import org.dodam.lti.application.LaunchTickets;
import org.dodam.lti.application.Launches;
import org.dodam.lti.application.Launches.Launched;
import org.dodam.platform.web.LocaleBacking;

/**
 * The launch address (the {@code redirect_uri} a platform has registered): the platform's page posts the
 * {@code id_token} and {@code state} here from its own site ({@code CrossSitePostFilter} lets this path through).
 * A launch that passes every check ({@link Launches}) signs the person in ({@link LaunchSignIn}) and sends them to
 * their page, unless it arrived in the platform's frame: there Dodam's session cookie would not be kept, so the
 * frame gets a page with one button that opens Dodam in a tab of its own with a one-time ticket
 * ({@link LaunchTickets}, {@link ContinueServlet}); only that page may be framed, and only by the platform. Anything
 * else gets the refusal page, and nobody new is signed in (a refused post does not sign out whoever was, so a forged
 * one cannot sign anyone out either).
 */
@WebServlet(LaunchPages.LAUNCH)
public class LaunchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String NEW_TAB_PAGE = "/WEB-INF/lti/open-in-new-tab.xhtml";
    static final String TICKET = "dodam.lti.ticket";

    /** The fetch destinations a browser names for a document loaded into a frame. */
    private static final Set<String> FRAME_DESTINATIONS = Set.of("iframe", "frame");

    @Inject
    transient Launches launches;

    @Inject
    transient LaunchTickets tickets;

    @Inject
    transient LaunchSignIn signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            Launched launched = launches.launch(request.getParameter("id_token"), request.getParameter("state"));
            if (inFrame(request, launched)) {
                request.setAttribute(TICKET, tickets.issue(launched.arrival()));
                LocaleBacking.useForRequest(request, launched.arrival().locale());
                request.getRequestDispatcher(NEW_TAB_PAGE)
                        .forward(
                                request,
                                WidenedPolicy.framedBy(
                                        response, launched.frame().ancestors()));
                return;
            }
            signIn.signIn(request, response, launched);
        } catch (LaunchRefused refused) {
            LaunchSignIn.dropSessionBegunHere(request);
            LaunchPages.refuse(request, response, refused);
        } catch (RuntimeException failed) {
            LaunchSignIn.dropSessionBegunHere(request);
            LaunchPages.failed(request, response, failed);
        }
    }

    /**
     * Whether the launch is being shown in a frame: the platform says so ({@code document_target}), or the browser
     * does ({@code Sec-Fetch-Dest}). A frame needs ancestors to allow; without any, the launch goes on as in a window.
     */
    static boolean inFrame(HttpServletRequest request, Launched launched) {
        String destination = request.getHeader("Sec-Fetch-Dest");
        return (launched.frame().framed() || destination != null && FRAME_DESTINATIONS.contains(destination))
                && !launched.frame().ancestors().isEmpty();
    }
}
