package org.dodam.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange over a plain socket, for what Java's HTTP client will not do: send from a chosen local
 * address (a trusted proxy at 127.0.0.1, anyone else at 127.0.0.2; both are this machine) and set any header,
 * the Host included. HTTP/1.0, so the answer ends when the server closes the connection.
 */
public final class RawHttp {

    /** Status, headers (names in lower case) and body of an answer. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public Optional<String> first(String name) {
            return all(name).stream().findFirst();
        }
    }

    private RawHttp() {}

    public static Response get(DodamServer server, String from, String path, Map<String, String> headers) {
        return send(server, from, "GET", path, headers, null);
    }

    /** A form post ({@code application/x-www-form-urlencoded}). */
    public static Response post(
            DodamServer server, String from, String path, Map<String, String> headers, String form) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return send(server, from, "POST", path, all, form);
    }

    private static Response send(
            DodamServer server, String from, String method, String path, Map<String, String> headers, String body) {
        URI base = server.base();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method)
                    .append(' ')
                    .append(server.uri(path).getRawPath());
            String query = server.uri(path).getRawQuery();
            request.append(query == null ? "" : "?" + query).append(" HTTP/1.0\r\n");
            if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
                request.append("Host: ")
                        .append(base.getHost())
                        .append(':')
                        .append(base.getPort())
                        .append("\r\n");
            }
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] all = bytes.toByteArray();
        String body = new String(all, end + 4, all.length - end - 4, StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
