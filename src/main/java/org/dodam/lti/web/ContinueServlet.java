package org.dodam.lti.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dodam.lti.application.LaunchRefused;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.LaunchTickets;
import org.dodam.lti.application.Launches.Launched;

/**
 * Where the button of a launch that arrived in the platform's frame posts its ticket, into a new tab
 * ({@code /lti/continue}; a same-site post, as the frame's page is Dodam's): the ticket is redeemed once
 * ({@link LaunchTickets#redeem}) and its person signed in here, where the session is first-party, as at the launch
 * address ({@link LaunchSignIn}). A ticket that is unknown, expired or spent gets the refusal page that says to
 * open Dodam again from the course; nobody is signed in or out by it.
 */
@WebServlet(LaunchPages.CONTINUE)
public class ContinueServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LaunchTickets tickets;

    @Inject
    transient LaunchSignIn signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            Launched launched =
                    tickets.redeem(request.getParameter("ticket")).orElseThrow(() -> new LaunchRefused(Reason.TICKET));
            signIn.signIn(request, response, launched);
        } catch (LaunchRefused refused) {
            LaunchSignIn.dropSessionBegunHere(request);
            LaunchPages.refuse(request, response, refused);
        } catch (RuntimeException failed) {
            LaunchSignIn.dropSessionBegunHere(request);
            LaunchPages.failed(request, response, failed);
        }
    }
}
