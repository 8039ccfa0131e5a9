package org.dodam.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Refuses a post that a browser says comes from another site. Most of Dodam's posts are stateless (a
 * report, a follow-up, the language and sign-out buttons): they carry no view state a hostile page could
 * not copy, so without this a page anywhere could make its visitors' browsers file reports. Browsers say
 * where a request comes from in {@code Sec-Fetch-Site}; older ones send {@code Origin}, whose host must then
 * be the one the request was sent to. A request with neither (not from a browser), or with the opaque
 * origin {@code null} that a browser without Sec-Fetch-Site sends from a no-referrer page, goes on. The
 * refusal is the 404 every other unknown request gets.
 *
 * <p>Two addresses take posts from other sites by design, {@link #CROSS_SITE_ENDPOINTS}: a school's learning
 * platform (LTI 1.3) posts its login initiation and its launch to Dodam from its own site. What protects them is
 * not where the post comes from but what it carries: a launch is refused unless it brings back a one-time login
 * state Dodam made and an id_token the platform signed for it; a login initiation only sends the browser on to the
 * platform.
 */
@WebFilter(urlPatterns = "/*")
public class CrossSitePostFilter extends HttpFilter {

    /** The paths that a platform's pages post to from their own site (LTI login initiation and launch). */
    static final java.util.Set<String> CROSS_SITE_ENDPOINTS = java.util.Set.of("/lti/login", "/lti/launch");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !sameSite(request) && !CROSS_SITE_ENDPOINTS.contains(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            // "null" is also what a browser sends from a page with Referrer-Policy: no-referrer (the report pages).
            return true;
        }
        try {
            String originHost = URI.create(origin).getHost();
            String host = request.getHeader("Host");
            String hostName = host == null ? request.getServerName() : host.replaceFirst(":\\d+$", "");
            return originHost != null && originHost.equalsIgnoreCase(hostName);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
