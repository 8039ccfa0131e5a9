package org.dodam.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. PrimeFaces adds its own nonce-based script policy
 * (primefaces.CSP); this second policy locks down everything else, and browsers enforce both.
 * Pages are never cached, so the back button after signing out shows nothing private. Static files under
 * /resources/ (the stylesheet, whose address changes with its content) are kept for a week; Faces resources
 * keep the caching headers Faces gives them.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        boolean reportPage = request.getServletPath().startsWith("/report/");
        // The report pages send no referrer at all, so a link a reporter follows does not reveal the school's report link.
        response.setHeader("Referrer-Policy", reportPage ? "no-referrer" : "same-origin");
        if (reportPage) {
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
        }
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.addHeader("Content-Security-Policy", POLICY);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/resources/")) {
            response.setHeader("Cache-Control", "public, max-age=604800");
        } else if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
