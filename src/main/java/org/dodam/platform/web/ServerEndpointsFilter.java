package org.dodam.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 404 to Payara Micro's own MicroProfile endpoints other than health. An application deployed at the
 * root context shares it with them, so without this anyone could read {@code /metrics} (memory, threads,
 * connection pools, request counts) and {@code /openapi}. Dodam has no API to describe and nobody to read its
 * metrics, so they are closed rather than put behind a password; {@code /health/live} and
 * {@code /health/ready}, which say only UP or DOWN, stay open for the proxy or balancer.
 */
@WebFilter(urlPatterns = {"/metrics/*", "/openapi/*"})
public class ServerEndpointsFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
