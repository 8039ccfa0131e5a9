package org.dodam.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Answers a request body larger than any form of Dodam's with 413 and its own page in the person's language
 * ({@code /WEB-INF/errorpages/413.xhtml}), before anything parses it. Otherwise the container refuses to read
 * the form ("Post too large", at 2 MB) where the first filter asks for a parameter, and the person gets a bare
 * server error, which on the report pages says nothing useful and the container logs with its time.
 * {@link #MAX_BYTES} is the class-list upload's limit in web.xml, far above every other form (a report is a
 * few thousand characters). A body of unknown length is read here, so that the container's refusal is
 * answered the same way. Declared in web.xml, before every filter that reads a parameter.
 */
public class RequestSizeFilter extends HttpFilter {

    /** The multipart-config max-request-size of the Faces servlet in web.xml. */
    static final long MAX_BYTES = 1_200_000;

    /** The most of a too-large body that is read (and dropped) so the client hears the answer. */
    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (tooLarge(request)) {
            drain(request);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads and drops a body of up to {@link #MAX_DRAINED_BYTES} before answering. A client that is still
     * sending waits for its body to go out before it reads the answer, and over HTTP/2 the container does not
     * tell it to stop, so without this it would wait for nothing; over HTTP/1.1 the container would drop the
     * rest itself. Anything larger is left to the container.
     */
    private static void drain(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_DRAINED_BYTES) {
            return;
        }
        try (InputStream body = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n = body.read(buffer); n >= 0 && read <= MAX_DRAINED_BYTES; n = body.read(buffer)) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The body was read already, or the client went away: nothing left to drop.
        }
    }

    private static boolean tooLarge(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > MAX_BYTES) {
            return true;
        }
        String type = request.getContentType();
        if (length < 0
                && "POST".equals(request.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                return true;
            }
        }
        return false;
    }
}
