package org.dodam.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Error pages are rendered as a fresh GET without the failed request's form data. Otherwise an error
 * during a form post (a 404 for a lesson that is not yours, say) would be rendered as a Faces postback of
 * the error page, which PrimeFaces' CSP nonce check refuses, and the person would see the container's
 * bare error page instead of ours.
 */
@WebFilter(urlPatterns = "/WEB-INF/errorpages/*", dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }

                    @Override
                    public String getParameter(String name) {
                        return null;
                    }

                    @Override
                    public Map<String, String[]> getParameterMap() {
                        return Map.of();
                    }

                    @Override
                    public Enumeration<String> getParameterNames() {
                        return Collections.emptyEnumeration();
                    }

                    @Override
                    public String[] getParameterValues(String name) {
                        return null;
                    }
                },
                response);
    }
}
