package org.dodam.lti.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.dodam.lti.application.LaunchRefused;

/**
 * Dodam's LTI addresses, as a platform must have them registered, and the one page every refused login or launch
 * shows: the reason in the person's language and whom to ask, with status 400. The log says which check failed,
 * never who tried.
 */
final class LaunchPages {

    static final String LOGIN = "/lti/login";
    static final String LAUNCH = "/lti/launch";
    static final String KEY_SET = "/lti/jwks";
    static final String CONTINUE = "/lti/continue";

    /** The request attribute the refusal page reads its message key from. */
    static final String REFUSAL = "dodam.lti.refusal";

    static final String REFUSED_PAGE = "/WEB-INF/errorpages/launch-refused.xhtml";

    private static final Logger LOG = Logger.getLogger(LaunchPages.class.getName());

    private LaunchPages() {}

    /** This Dodam's address for one of the paths above, as the person's browser reaches it (behind the proxy, too). */
    static String address(HttpServletRequest request, String path) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath()
                + path;
    }

    /**
     * Something broke that is not a refusal (the database is away): logged, and answered with the refusal page's
     * "try again" rather than the general error page, since the person came from their platform and goes back there.
     */
    static void failed(HttpServletRequest request, HttpServletResponse response, RuntimeException failure)
            throws ServletException, IOException {
        LOG.log(java.util.logging.Level.SEVERE, "LTI " + request.getServletPath() + " failed", failure);
        refuse(request, response, new LaunchRefused(LaunchRefused.Reason.TRY_AGAIN));
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, LaunchRefused refused)
            throws ServletException, IOException {
        LOG.info(() -> "LTI " + request.getServletPath() + " refused: " + refused.reason());
        response.reset();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(REFUSAL, refused.reason().messageKey());
        request.getRequestDispatcher(REFUSED_PAGE).forward(request, response);
    }
}
