package org.dodam.testing;

import java.net.CookieManager;
import java.net.URI;
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

/**
 * The public report pages over plain HTTP, as a browser without scripts (or a script) uses them, with the
 * request headers a test chooses: for the forwarded address behind a trusted proxy, or a cross-site origin.
 */
public final class ReportForms {

    private ReportForms() {}

    public static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The fields of a filled-in report form, read from the page the way a browser gets it. */
    public static Map<String, String> filled(HttpClient client, String link, Map<String, String> headers, String text)
            throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30));
        headers.forEach(get::header);
        HttpResponse<String> page = client.send(get.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("report", "report");
        fields.put("s", URI.create(link).getQuery().substring(2));
        fields.put("token", group(page.body(), "name=\"token\" value=\"([^\"]+)\""));
        fields.put("report:role", "BYSTANDER");
        fields.put("report:category", "GROUP_CHAT");
        fields.put("report:danger", "false");
        fields.put("report:place", "");
        fields.put("report:description", text);
        fields.put("report:send", "Send");
        fields.put("jakarta.faces.ViewState", "stateless");
        return fields;
    }

    /** Posts the fields as a browser without scripts does; the given headers replace the defaults (English). */
    public static HttpResponse<String> post(
            HttpClient client, URI uri, Map<String, String> fields, Map<String, String> headers) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder post = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(post::setHeader);
        return client.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a report from the given headers; returns the page that came back. */
    public static HttpResponse<String> report(String link, Map<String, String> headers, String text) throws Exception {
        HttpClient client = client();
        return post(client, URI.create(link), filled(client, link, headers, text), headers);
    }

    /** Whether the code opens its report on the follow-up page of the school's link. */
    public static boolean opens(String link, String code, Map<String, String> headers) throws Exception {
        URI followUp = URI.create(link.replace("index.xhtml", "follow-up.xhtml"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("followUp", "followUp");
        fields.put("s", followUp.getQuery().substring(2));
        fields.put("followUp:code", code);
        fields.put("followUp:open", "Open");
        fields.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> opened = post(client(), followUp, fields, headers);
        return opened.statusCode() == 200 && opened.body().contains("id=\"threadTitle\"");
    }

    public static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }
}
