package org.dodam.lti.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * One page's Content-Security-Policy with one directive opened to a platform's origins, whoever sets the policy (the
 * security headers filter before the page, PrimeFaces with the page's nonce): {@link #formsTo} lets the deep linking
 * answer post to the platform's return address, {@link #framedBy} lets the platform's course page hold the page in
 * its frame. Every other response keeps {@code form-action 'self'} and {@code frame-ancestors 'none'}. (The
 * {@code X-Frame-Options: DENY} every response carries stays: browsers that know {@code frame-ancestors} ignore it
 * when a policy has that directive, and older ones keep refusing the frame.)
 */
final class WidenedPolicy extends HttpServletResponseWrapper {

    private static final String CSP = "Content-Security-Policy";

    private final String directive;
    private final String widened;

    private WidenedPolicy(HttpServletResponse response, String directive, String widened) {
        super(response);
        this.directive = directive;
        this.widened = widened;
        String policy = response.getHeader(CSP);
        if (policy != null) {
            super.setHeader(CSP, widen(policy));
        }
    }

    /** Forms of the page may post to this origin too. */
    static HttpServletResponse formsTo(HttpServletResponse response, String origin) {
        return new WidenedPolicy(response, "form-action 'self'", "form-action 'self' " + origin);
    }

    /** Pages of these origins (and only these) may show the page in a frame. */
    static HttpServletResponse framedBy(HttpServletResponse response, Iterable<String> origins) {
        return new WidenedPolicy(response, "frame-ancestors 'none'", "frame-ancestors " + String.join(" ", origins));
    }

    private String widen(String policy) {
        return policy.replace(directive, widened);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, CSP.equalsIgnoreCase(name) ? widen(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, CSP.equalsIgnoreCase(name) ? widen(value) : value);
    }
}
