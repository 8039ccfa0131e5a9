package org.dodam.bench;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * With DODAM_SQL_COUNT=true, logs how many SQL statements each request ran, as
 * {@code SQL statements: 6 GET /teacher/dashboard.xhtml}: the method and the path only (no query string,
 * no user), so the log holds nothing personal. Off by default, and then it does nothing at all. Part of the
 * bench build only (src/bench), like {@link SqlStatementCount}.
 */
@WebFilter(urlPatterns = "/*")
public class SqlCountFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SqlCountFilter.class.getName());

    @Inject
    Config config;

    private boolean enabled;

    @Override
    public void init() {
        enabled = SqlStatementCount.ENABLED.read(config);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled) {
            chain.doFilter(request, response);
            return;
        }
        SqlStatementCount.start();
        try {
            chain.doFilter(request, response);
        } finally {
            int count = SqlStatementCount.stop();
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            LOG.info(() -> "SQL statements: " + count + " " + request.getMethod() + " " + path);
        }
    }
}
