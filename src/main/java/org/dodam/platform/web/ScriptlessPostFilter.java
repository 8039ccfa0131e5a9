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
 * Gives every post to a stateless page (a report, a follow-up, signing in, joining a class, registering a learning
 * platform, a staff password) a script nonce PrimeFaces can read. On a post PrimeFaces takes the page's script
 * nonce from the {@code primefaces.nonce} field, which every form now carries ({@link ScriptlessForms}), and checks
 * it only when it renders the answer, after the action has run and committed: a form from a page rendered before
 * that field existed, a client that drops it, or one that sends something that is not a nonce ("Invalid CSP nonce")
 * would save its change and then answer 500. A stateless view keeps no nonce of its own to check the field against,
 * so for a full (non-Ajax) post this filter always puts a fresh nonce made here in its place: the answer is a new
 * page with a new policy, so nothing the client sent needs to match it, and no client chooses the nonce of the
 * page it gets. An Ajax answer joins a page already open, whose policy carries the nonce its script sent, so an
 * Ajax post keeps a nonce PrimeFaces can read and gets a fresh one only in place of one it could not. Views with
 * state are checked by {@link ScriptNonceCheck} before anything is saved, and left exactly as they were here.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ScriptlessPostFilter extends HttpFilter {

    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && StatelessViews.VIEWS.contains(request.getServletPath())
                && (request.getHeader("Faces-Request") == null || !readable(request.getParameter(NONCE)))) {
            chain.doFilter(withNonce(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Whether PrimeFaces can read this nonce: base64 of a UUID's text, as its own nonces are. */
    static boolean readable(String nonce) {
        if (nonce == null) {
            return false;
        }
        try {
            UUID.fromString(new String(Base64.getDecoder().decode(nonce), StandardCharsets.UTF_8));
            return true;
        } catch (IllegalArgumentException notANonce) {
            return false;
        }
    }

    private static HttpServletRequest withNonce(HttpServletRequest request) {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        parameters.put(NONCE, new String[] {
            Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
        });
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
