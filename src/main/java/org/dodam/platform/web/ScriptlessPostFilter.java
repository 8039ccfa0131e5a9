package org.dodam.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lets a post without a script nonce reach the stateless pages (a report, a follow-up, signing in, joining a
 * class). On a post PrimeFaces takes the page's script nonce from the {@code primefaces.nonce} field, which
 * every form now carries ({@link ScriptlessForms}); a form from a page rendered before that, or a client that
 * drops the field, would otherwise fail to render the answer after the action has run and committed. A
 * stateless view keeps no nonce of its own to check the field against, so for a full (non-Ajax) post to one
 * that carries none, this filter supplies a fresh nonce made here: the answer is a new page with a new policy,
 * so nothing the client sent needs to match it. Views with state are checked by {@link ScriptNonceCheck}
 * before anything is saved; they and Ajax posts are left exactly as they were here.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ScriptlessPostFilter extends HttpFilter {

    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getHeader("Faces-Request") == null
                && StatelessViews.VIEWS.contains(request.getServletPath()) && request.getParameter(NONCE) == null) {
            chain.doFilter(withNonce(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static HttpServletRequest withNonce(HttpServletRequest request) {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        parameters.put(NONCE, new String[] {
            Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))});
        Map<String, String[]> fixed = Collections.unmodifiableMap(parameters);
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = fixed.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return fixed;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(fixed.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return fixed.get(name);
            }
        };
    }
}
