package org.dodam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the public address of a request is, from a trusted proxy's headers and from anyone else's. */
class PublicAddressTest {

    static final ClientAddress PROXY = ClientAddress.trusting("127.0.0.1, 10.0.0.0/8");

    @Test
    void aTrustedProxysForwardedHeadersGiveThePublicAddress() {
        assertThat(address(
                        "127.0.0.1", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "dodam.school.example")))
                .hasValue(new PublicAddress("https", "dodam.school.example", 443));
        assertThat(address("10.1.2.3", Map.of("X-Forwarded-Proto", "https")))
                .as("the Host header the proxy passed on, on the scheme's own port")
                .hasValue(new PublicAddress("https", "inside", 443));
        assertThat(address(
                        "127.0.0.1", Map.of("X-Forwarded-Proto", "HTTPS", "X-Forwarded-Host", "school.example:8443")))
                .hasValue(new PublicAddress("https", "school.example", 8443));
        assertThat(address("127.0.0.1", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443")))
                .hasValue(new PublicAddress("https", "inside", 8443));
        assertThat(address(
                        "127.0.0.1",
                        Map.of(
                                "Forwarded",
                                "for=198.51.100.7;proto=http, for=192.0.2.1;proto=https;host=\"school.example\"")))
                .as("the last element is the trusted proxy's")
                .hasValue(new PublicAddress("https", "school.example", 443));
        assertThat(address("127.0.0.1", Map.of("X-Forwarded-Proto", "http, https")))
                .map(PublicAddress::scheme)
                .hasValue("https");
    }

    @Test
    void anyoneElsesHeadersAndNonsenseAreIgnored() {
        Map<String, String> forged = Map.of(
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "evil.example",
                "Forwarded",
                "proto=https;host=evil.example");
        assertThat(address("203.0.113.9", forged)).isEmpty();
        assertThat(address("127.0.0.1", forged, ClientAddress.trusting(null))).isEmpty();
        assertThat(address(
                        "127.0.0.1", Map.of("X-Forwarded-Proto", "javascript", "X-Forwarded-Host", "evil.example/x?y")))
                .isEmpty();
        assertThat(address("127.0.0.1", Map.of("X-Forwarded-Host", "school.example\r\nSet-Cookie: x=y")))
                .isEmpty();
        assertThat(address("127.0.0.1", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Port", "99999")))
                .hasValue(new PublicAddress("https", "inside", 443));
    }

    @Test
    void theOriginLeavesOutTheSchemesOwnPort() {
        assertThat(new PublicAddress("https", "school.example", 443).origin()).isEqualTo("https://school.example");
        assertThat(new PublicAddress("http", "127.0.0.1", 8080).origin()).isEqualTo("http://127.0.0.1:8080");
        assertThat(new PublicAddress("https", "school.example", 443)
                        .wrap(request("127.0.0.1", Map.of()))
                        .getRequestURL())
                .hasToString("https://school.example/report/index.xhtml");
    }

    private static Optional<PublicAddress> address(String remote, Map<String, String> headers) {
        return address(remote, headers, PROXY);
    }

    private static Optional<PublicAddress> address(String remote, Map<String, String> headers, ClientAddress proxies) {
        return PublicAddress.forwarded(request(remote, headers), proxies);
    }

    /** A plain-HTTP request to the inside address "inside", from {@code remote}, with these headers. */
    private static HttpServletRequest request(String remote, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                PublicAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" ->
                        headers.entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
                    case "getScheme" -> "http";
                    case "getServerName" -> "inside";
                    case "getServerPort" -> 8080;
                    case "getRequestURI" -> "/report/index.xhtml";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
