package org.dodam.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dodam.platform.Languages;

/**
 * The last line of the anonymous report pages (mapped first in web.xml, so it wraps everything else). A
 * reporter must never be told "nothing was saved" after their report committed, nor lose the receipt code
 * that is shown only once: when an action has committed, it leaves a {@link Committed} notice on the
 * request, and if rendering the answer fails after that, this filter writes the notice (the receipt code,
 * say) itself, as a plain page in both languages that needs nothing that could fail again. Any failure on
 * these pages is answered here rather than by the container, which would log it with the second it
 * happened; {@link QuietFailures} counts it instead. The page is buffered whole, so nothing reaches the
 * browser before it is known to have rendered.
 */
public class AnonymousPageGuard extends HttpFilter {

    private static final String NOTICE = AnonymousPageGuard.class.getName() + ".notice";
    private static final int BUFFER = 512 * 1024;

    /** What a committed action must still tell the person: a message key and a code to show (or null). */
    public record Committed(String messageKey, String code) {}

    /** Called by an action right after its transaction has committed. */
    public static void committed(ServletRequest request, Committed notice) {
        request.setAttribute(NOTICE, notice);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setBufferSize(BUFFER);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            QuietFailures.record(PrivateErrorLog.outline(e));
            if (response.isCommitted()) {
                return;
            }
            answer(request, response, (Committed) request.getAttribute(NOTICE));
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Committed notice)
            throws IOException {
        response.resetBuffer();
        response.setStatus(notice == null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : HttpServletResponse.SC_OK);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print(
                "<!DOCTYPE html><html lang=\"" + Languages.DEFAULT + "\"><head><meta charset=\"UTF-8\"/>"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>Dodam</title></head><body>");
        for (String language : Languages.SUPPORTED) {
            ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(language));
            out.print("<section lang=\"" + language + "\">");
            if (notice == null) {
                out.print("<h1>" + escape(texts.getString("error.500.title")) + "</h1><p>"
                        + escape(texts.getString("error.500.text")) + "</p>");
            } else {
                out.print("<h1>" + escape(texts.getString(notice.messageKey() + ".title")) + "</h1><p>"
                        + escape(texts.getString(notice.messageKey() + ".text")) + "</p>");
                if (notice.code() != null) {
                    out.print("<p id=\"receiptCode-" + language + "\" lang=\"en\"><strong>" + escape(notice.code())
                            + "</strong></p>");
                }
            }
            out.print("</section>");
        }
        out.print("</body></html>");
        out.flush();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
