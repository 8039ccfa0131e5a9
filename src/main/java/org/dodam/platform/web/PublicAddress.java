package org.dodam.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address a person used to reach Dodam, as the HTTPS proxy in front of it tells: scheme, host and port.
 * The proxy's connection to Dodam is plain HTTP to an inside address, so without this every page would think
 * it is served as {@code http://} (the counsellor's report link said so). Only a proxy the operator trusts
 * (DODAM_TRUSTED_PROXIES, {@link ClientAddress}) is believed; anyone else can write these headers, and from
 * them the connection's own address is kept. The proxy's own element is the last one: of {@code Forwarded}
 * (RFC 7239: {@code proto=}, {@code host=}) when it sends one, else of {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port}. Values that are not a scheme, a host name or a port
 * are ignored.
 */
record PublicAddress(String scheme, String host, int port) {

    private static final Pattern HOST =
            Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::(\\d{1,5}))?");

    /** The address the trusted proxy forwarded, if the request came from one and it said anything usable. */
    static Optional<PublicAddress> forwarded(HttpServletRequest request, ClientAddress proxies) {
        if (!proxies.trusts(request.getRemoteAddr())) {
            return Optional.empty();
        }
        String forwarded = last(request.getHeader("Forwarded"));
        Optional<String> scheme = Optional.ofNullable(
                        forwarded != null
                                ? parameter(forwarded, "proto")
                                : last(request.getHeader("X-Forwarded-Proto")))
                .map(p -> p.toLowerCase(Locale.ROOT))
                .filter(p -> p.equals("http") || p.equals("https"));
        Optional<Matcher> host = Optional.ofNullable(
                        forwarded != null ? parameter(forwarded, "host") : last(request.getHeader("X-Forwarded-Host")))
                .map(HOST::matcher)
                .filter(Matcher::matches);
        if (scheme.isEmpty() && host.isEmpty()) {
            return Optional.empty();
        }
        String publicScheme = scheme.orElse(request.getScheme());
        Optional<Integer> forwardedPort =
                forwarded != null ? Optional.empty() : portOf(last(request.getHeader("X-Forwarded-Port")));
        int port = host.flatMap(h -> portOf(h.group(2)))
                .or(() -> forwardedPort)
                .orElse(publicScheme.equals("https") ? 443 : 80);
        return Optional.of(
                new PublicAddress(publicScheme, host.map(h -> h.group(1)).orElse(request.getServerName()), port));
    }

    /** One parameter of a Forwarded element ({@code proto=https;host=school.example}), without quotes. */
    private static String parameter(String element, String name) {
        for (String pair : element.split(";")) {
            String[] nameAndValue = pair.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().equalsIgnoreCase(name)) {
                return nameAndValue[1].strip().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }

    /** scheme://host, with the port only when it is not the scheme's own. */
    String origin() {
        boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** The request as the person sent it: scheme, host, port and URL are the public ones. */
    HttpServletRequest wrap(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getScheme() {
                return scheme;
            }

            @Override
            public boolean isSecure() {
                return scheme.equals("https");
            }

            @Override
            public String getServerName() {
                return host;
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(origin()).append(getRequestURI());
            }
        };
    }

    private static String last(String header) {
        if (header == null) {
            return null;
        }
        String[] values = header.split(",");
        String value = values[values.length - 1].strip();
        return value.isEmpty() ? null : value;
    }

    private static Optional<Integer> portOf(String text) {
        if (text == null || !text.matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }
}
