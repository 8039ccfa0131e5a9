package org.dodam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One sign-in attempt through the real form over plain HTTP, as the client a trusted proxy names in
 * {@code X-Forwarded-For}: quick enough to make the many attempts of a guessing attack in a test.
 */
public final class FormSignIn {

    private static final Pattern WAIT = Pattern.compile("Wait (\\d+) second");

    private FormSignIn() {}

    /** The page the attempt ends on: the sign-in page with a message, or the home page it led to. */
    public static HttpResponse<String> attempt(DodamServer server, String client, String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String form = send(
                        http,
                        HttpRequest.newBuilder(server.uri("login.xhtml"))
                                .header("X-Forwarded-For", client)
                                .header("Accept-Language", "en")
                                .GET())
                .body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:school", DodamServer.SCHOOL);
        fields.put("signin:username", username);
        fields.put("signin:password", password);
        fields.put("signin:submit", "x");
        fields.put("jakarta.faces.ViewState", HttpSession.viewState(form));
        return send(
                http,
                HttpRequest.newBuilder(server.uri("login.xhtml"))
                        .header("X-Forwarded-For", client)
                        .header("Origin", server.origin())
                        .header("Accept-Language", "en")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&")))));
    }

    /**
     * Attempts from one client all at once, as a guesser with many connections would: they are all checked
     * before any of their failures is counted. Returns the pages they end on.
     */
    public static java.util.List<HttpResponse<String>> burst(
            DodamServer server, String client, java.util.List<String> usernames, String password) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(usernames.size());
        try {
            var futures = usernames.stream()
                    .map(u -> pool.submit(() -> attempt(server, client, u, password)))
                    .toList();
            java.util.List<HttpResponse<String>> pages = new java.util.ArrayList<>();
            for (var future : futures) {
                pages.add(future.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return pages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Wrong attempts one after the other until the page asks to wait, at most {@code tries}: how many seconds it
     * asked, or 0 if it never did. (On a slow machine an attempt may come after a short wait has passed.)
     */
    public static long failUntilAskedToWait(DodamServer server, String client, String username, int tries) {
        for (int i = 0; i < tries; i++) {
            long wait = waitAsked(attempt(server, client, username, "wrong-" + i + "-" + username)
                    .body());
            if (wait > 0) {
                return wait;
            }
        }
        return 0;
    }

    /** The seconds the page asks to wait, or 0 when it asks for no wait. */
    public static long waitAsked(String page) {
        Matcher wait = WAIT.matcher(page);
        return wait.find() ? Long.parseLong(wait.group(1)) : 0;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
