package org.dodam.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every response, and one Content-Security-Policy. The policy is written once, as
 * PrimeFaces' {@code primefaces.CSP_POLICY} in web.xml, ending with {@code script-src 'self'}: on Faces pages
 * PrimeFaces sends it with the page's script nonce appended, and the policy this filter set first is replaced
 * by it ({@link OnePolicy}), so a browser gets a single policy with no {@code 'unsafe-inline'} or
 * {@code 'unsafe-eval'} for scripts; every other response (servlets, files, exports) gets the same policy
 * without a nonce. Error pages are rendered in a dispatch of their own, with the response of the container,
 * so the policy is looked after there too. Pages are never cached, so the back button after signing out
 * shows nothing private. Static files under /resources/ (the stylesheet, whose address changes with its
 * content) are kept for a week; Faces resources keep the caching headers Faces gives them.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String CSP = "Content-Security-Policy";
    static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";

    private String policy;

    @Override
    public void init() throws ServletException {
        String configured = getServletContext().getInitParameter(POLICY_PARAMETER);
        if (configured == null || !configured.strip().endsWith("script-src 'self'")) {
            throw new ServletException(POLICY_PARAMETER
                    + " in web.xml must end with script-src 'self', to which PrimeFaces adds the nonce");
        }
        policy = configured.strip() + ";";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            boolean reportPage = request.getServletPath().startsWith("/report/");
            // The report pages send no referrer at all, so a link a reporter follows does not reveal the school's
            // report link.
            response.setHeader("Referrer-Policy", reportPage ? "no-referrer" : "same-origin");
            if (reportPage) {
                response.setHeader("X-Robots-Tag", "noindex, nofollow");
            }
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/resources/")) {
                response.setHeader("Cache-Control", "public, max-age=604800");
            } else if (!path.startsWith("/jakarta.faces.resource/")) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        // An error page after a page that failed half-way keeps the policy (and nonce) that page already sent.
        if (!response.containsHeader(CSP)) {
            response.setHeader(CSP, policy);
        }
        chain.doFilter(request, new OnePolicy(response));
    }

    /** Lets a later policy (PrimeFaces', with the page's nonce) replace the one set here instead of joining it. */
    static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
