package org.dodam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.FacesException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the report pages answer when rendering fails after the report committed. A client can no longer make that
 * happen (a nonce PrimeFaces cannot read is replaced before the page runs, AnonymityIT), so the guard is proven
 * here, with a page that commits and then fails as a broken renderer would.
 */
class AnonymousPageGuardTest {

    @Test
    void aPageThatFailsAfterTheReportCommittedStillShowsTheReceiptCodeInBothLanguages() throws Exception {
        Answer answer = guard((request, response) -> {
            AnonymousPageGuard.committed(
                    request, new AnonymousPageGuard.Committed("report.saved", "ABCD-EFGH-JKLM-NPQR"));
            throw new FacesException("Invalid CSP nonce");
        });
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.headers).containsEntry("Cache-Control", "no-store");
        assertThat(answer.body())
                .contains("Your report was received")
                .contains("신고가 접수되었어요")
                .contains("id=\"receiptCode-en\" lang=\"en\"><strong>ABCD-EFGH-JKLM-NPQR</strong>")
                .contains("id=\"receiptCode-ko\" lang=\"en\"><strong>ABCD-EFGH-JKLM-NPQR</strong>")
                .doesNotContain("Invalid CSP nonce");
    }

    @Test
    void aPageThatFailsBeforeAnythingCommittedSaysNothingWasSaved() throws Exception {
        Answer answer = guard((request, response) -> {
            throw new IllegalStateException("broken");
        });
        assertThat(answer.status).isEqualTo(500);
        assertThat(answer.body())
                .contains("Something went wrong")
                .doesNotContain("receiptCode")
                .doesNotContain("broken");
    }

    /** The answer the guard gives for a report page that runs {@code page}. */
    private static Answer guard(FilterChain page) throws Exception {
        Answer answer = new Answer();
        new AnonymousPageGuard().doFilter(request(), answer.response(), page);
        return answer;
    }

    private static HttpServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                AnonymousPageGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A response that keeps what the guard writes (nothing is committed before it answers). */
    private static final class Answer {

        final StringWriter text = new StringWriter();
        final Map<String, String> headers = new HashMap<>();
        int status = 200;

        String body() {
            return text.toString();
        }

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(text);
            return (HttpServletResponse) Proxy.newProxyInstance(
                    AnonymousPageGuardTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setBufferSize", "setContentType", "setCharacterEncoding" -> null;
                        case "resetBuffer" -> {
                            text.getBuffer().setLength(0);
                            yield null;
                        }
                        case "isCommitted" -> false;
                        case "setStatus" -> {
                            status = (int) args[0];
                            yield null;
                        }
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getWriter" -> writer;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
