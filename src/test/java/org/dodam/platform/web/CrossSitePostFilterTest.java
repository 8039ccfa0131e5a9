package org.dodam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule of where a post may come from, case by case (CrossSitePostIT tries it on the real server): the
 * browser's Sec-Fetch-Site first, then an Origin that must be Dodam's own scheme, host and port, and silence
 * accepted everywhere but on the pages that change who is signed in or their password.
 */
class CrossSitePostFilterTest {

    static final String PUBLIC = "https://dodam.school.example/";

    @Test
    void fetchMetadataDecidesWhenTheBrowserSendsIt() {
        assertThat(fromDodam("/login.xhtml", Map.of("Sec-Fetch-Site", "same-origin")))
                .isTrue();
        assertThat(fromDodam("/login.xhtml", Map.of("Sec-Fetch-Site", "none")))
                .as("the person asked for it")
                .isTrue();
        assertThat(fromDodam("/report/index.xhtml", Map.of("Sec-Fetch-Site", "same-site")))
                .as("another site of the school")
                .isFalse();
        assertThat(fromDodam(
                        "/report/index.xhtml", Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://inside:8080")))
                .isFalse();
        assertThat(fromDodam("/language", Map.of("Sec-Fetch-Site", "Cross-Site")))
                .isFalse();
        assertThat(fromDodam("/language", Map.of("Sec-Fetch-Site", "something-new")))
                .isFalse();
    }

    @Test
    void withoutItTheOriginMustBeDodamsOwnSchemeHostAndPort() {
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "http://inside:8080")))
                .as("the address the request went to")
                .isTrue();
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "HTTP://INSIDE:8080")))
                .isTrue();
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "https://dodam.school.example")))
                .as("DODAM_PUBLIC_URL")
                .isTrue();
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "https://dodam.school.example:443")))
                .isTrue();
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "http://dodam.school.example")))
                .as("a weaker scheme")
                .isFalse();
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "https://dodam.school.example:8443")))
                .as("another port")
                .isFalse();
        assertThat(fromDodam("/login.xhtml", Map.of("Origin", "http://inside:9090")))
                .isFalse();
        assertThat(fromDodam("/report/index.xhtml", Map.of("Origin", "https://evil.example")))
                .isFalse();
        assertThat(fromDodam("/report/index.xhtml", Map.of("Origin", "https://dodam.school.example.evil.example")))
                .isFalse();
        assertThat(fromDodam("/report/index.xhtml", Map.of("Origin", "not a url at all")))
                .isFalse();
        assertThat(fromDodam("/report/index.xhtml", Map.of("Origin", "file://")))
                .isFalse();
    }

    @Test
    void silenceIsAcceptedOnlyWhereAnOldBrowserIsSilent() {
        for (String path : new String[] {
            "/report/index.xhtml", "/report/follow-up.xhtml", "/language", "/sign-out", "/teacher/class.xhtml"
        }) {
            assertThat(fromDodam(path, Map.of())).as(path).isTrue();
            assertThat(fromDodam(path, Map.of("Origin", "null"))).as(path).isTrue();
        }
        for (String path : new String[] {
            "/login.xhtml",
            "/join.xhtml",
            "/teacher/password.xhtml",
            "/counsellor/password.xhtml",
            "/admin/password.xhtml"
        }) {
            assertThat(fromDodam(path, Map.of())).as(path).isFalse();
            assertThat(fromDodam(path, Map.of("Origin", "null"))).as(path).isFalse();
        }
    }

    private static boolean fromDodam(String path, Map<String, String> headers) {
        return CrossSitePostFilter.fromDodam(request(path, headers), PUBLIC);
    }

    /** A plain-HTTP post to the inside address "inside:8080", with these headers. */
    private static HttpServletRequest request(String path, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                CrossSitePostFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" ->
                        headers.entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
                    case "getServletPath" -> path;
                    case "getScheme" -> "http";
                    case "getServerName" -> "inside";
                    case "getServerPort" -> 8080;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
