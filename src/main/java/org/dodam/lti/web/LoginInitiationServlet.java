package org.dodam.lti.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dodam.lti.application.LaunchRefused;
import org.dodam.lti.application.LtiLogins;
import org.dodam.lti.application.LtiLogins.LoginRequest;

/**
 * OIDC third-party login initiation, the address a platform sends the browser to first (GET, or a form POST from
 * the platform's own site, which {@code CrossSitePostFilter} lets through for this path). Answers with a redirect
 * to the platform's authorization endpoint, or the refusal page. Makes no session.
 */
@WebServlet(LaunchPages.LOGIN)
public class LoginInitiationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LtiLogins logins;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        initiate(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        initiate(request, response);
    }

    private void initiate(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        LoginRequest login = new LoginRequest(
                request.getParameter("iss"),
                request.getParameter("login_hint"),
                request.getParameter("target_link_uri"),
                request.getParameter("lti_message_hint"),
                request.getParameter("client_id"),
                request.getParameter("lti_deployment_id"));
        try {
            String authorization = logins.begin(login, LaunchPages.address(request, LaunchPages.LAUNCH))
                    .toString();
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.sendRedirect(authorization);
        } catch (LaunchRefused refused) {
            LaunchPages.refuse(request, response, refused);
        } catch (RuntimeException failed) {
            LaunchPages.failed(request, response, failed);
        }
    }
}
