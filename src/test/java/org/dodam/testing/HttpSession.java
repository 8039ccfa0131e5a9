package org.dodam.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One signed-in person over plain HTTP, without a browser: for tests that count what a page does on the
 * server rather than what it looks like. Signs in through the real form, view state and all.
 */
public final class HttpSession {

    /**
     * Cookies as the school's HTTPS proxy passes them on: a server whose public address is https marks its session
     * cookie {@code Secure} (and names it {@code __Host-JSESSIONID}), which the JDK would send only over https; this
     * client talks plain HTTP to Dodam from where the proxy stands, so it sends them as the proxy does.
     */
    private static final class BehindTheProxy extends CookieManager {
        @Override
        public java.util.Map<String, java.util.List<String>> get(
                URI uri, java.util.Map<String, java.util.List<String>> requestHeaders) throws java.io.IOException {
            URI asTheBrowserSawIt = "http".equalsIgnoreCase(uri.getScheme())
                    ? URI.create("https" + uri.toString().substring("http".length()))
                    : uri;
            return super.get(asTheBrowserSawIt, requestHeaders);
        }
    }

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final DodamServer server;
    private final HttpClient client;

    private HttpSession(DodamServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new BehindTheProxy())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static HttpSession signIn(DodamServer server, String username, String password) {
        return signIn(server, DodamServer.SCHOOL, username, password);
    }

    /** Signs in to that school (its code is sent always: a server with one school ignores it). */
    public static HttpSession signIn(DodamServer server, String school, String username, String password) {
        HttpSession session = new HttpSession(server);
        String form = session.get("login.xhtml").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:school", school);
        fields.put("signin:username", username);
        fields.put("signin:password", password);
        fields.put("signin:submit", "x");
        fields.put("jakarta.faces.ViewState", viewState(form));
        HttpResponse<String> home = session.send(HttpRequest.newBuilder(server.uri("login.xhtml"))
                .header("Origin", server.origin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
        if (home.uri().getPath().endsWith("login.xhtml")) {
            throw new IllegalStateException("sign-in as " + username + " failed");
        }
        return session;
    }

    /**
     * When this person must choose their own password (a start password someone else set), chooses
     * {@code password} through the form, as a browser without JavaScript does, and returns true; otherwise false.
     * {@code folder} is their role's page folder, e.g. {@code admin}.
     */
    public boolean chooseOwnPasswordIfAsked(String folder, String password) {
        HttpResponse<String> page = get(folder + "/index.xhtml");
        if (!page.uri().getPath().endsWith("/" + folder + "/password.xhtml")) {
            return false;
        }
        PlainForm form;
        try {
            form = PlainForm.of(page.body(), "choose");
        } catch (IllegalStateException changeFormOnly) {
            return false;
        }
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(form.hidden());
        fields.add(Map.entry("choose:password", password));
        fields.add(Map.entry("choose:repeat", password));
        fields.add(Map.entry("choose:save", "x"));
        // The staff password pages want to know where a post comes from (CrossSitePostFilter), as a browser says.
        HttpResponse<String> home =
                send(HttpRequest.newBuilder(server.uri(form.action().replaceFirst("^/", "")))
                        .header("Origin", server.origin())
                        .header("Accept-Language", "en")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(fields.stream()
                                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&")))));
        if (!home.uri().getPath().endsWith("/" + folder + "/index.xhtml")) {
            throw new IllegalStateException("choosing a password as " + folder + " failed: " + home.uri());
        }
        return true;
    }

    /** The Faces view state of the (first) form on a page. */
    public static String viewState(String page) {
        Matcher viewState = VIEW_STATE.matcher(page);
        if (!viewState.find()) {
            throw new IllegalStateException("no view state on the page");
        }
        return viewState.group(1);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(server.uri(path))
                .header("Accept-Language", "en")
                .GET());
    }

    /** Sends a form as a browser without JavaScript does; a field may appear more than once (check boxes). */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        return send(HttpRequest.newBuilder(server.uri(path))
                .header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return server.base();
    }
}
