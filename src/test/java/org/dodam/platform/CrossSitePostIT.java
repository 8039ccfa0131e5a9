package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.RawHttp;
import org.dodam.testing.ReportForms;
import org.dodam.testing.ServerDatabase;
import org.dodam.testing.SessionCookies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where posts come from ({@code CrossSitePostFilter}), over raw HTTP against the real server behind its
 * public address: sign-in, joining a class, the report form and its follow-up, the language and sign-out
 * buttons refuse a post that a browser says came from another site, with a 403 page in the person's
 * language, and nothing is saved. Same-origin posts pass, from the address the trusted proxy forwards or
 * the public address; a post that says nothing passes where an old browser sends nothing (the report pages,
 * language, sign-out), never to sign-in or joining.
 */
class CrossSitePostIT {

    static final String PUBLIC = "https://dodam.school.example";
    /** The trusted proxy (the server trusts 127.0.0.1), and a client that is not it. */
    static final String PROXY = "127.0.0.1";

    static final String UNTRUSTED = "127.0.0.2";

    static DodamServer server;
    static String jdbcUrl;
    static String own;
    static String reportPath;

    @BeforeAll
    static void start() throws SQLException {
        jdbcUrl = "jdbc:h2:file:"
                + Path.of("target", "it-servers", "cross-site", "data", "dodam").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        server = DodamServer.shared(
                "cross-site",
                Map.of(
                        "DODAM_DB_URL",
                        jdbcUrl,
                        "DODAM_TRUSTED_PROXIES",
                        PROXY,
                        "DODAM_PUBLIC_URL",
                        PUBLIC + "/",
                        "DODAM_REPORTS_MAX_PER_HOUR",
                        "1000"));
        own = "http://" + server.base().getHost() + ":" + server.base().getPort();
        reportPath = "report/index.xhtml?s=" + string("select link_key from report_channel");
    }

    @Test
    void aReportFromAnotherSiteIsRefusedInThePersonsLanguageAndNothingIsStored() throws Exception {
        long before = reports();
        for (Map<String, String> hostile : hostile()) {
            String marker = "cross-site-" + UUID.randomUUID();
            RawHttp.Response refused = sendReport(with(hostile, "Accept-Language", "en"), marker);
            assertThat(refused.status()).as(hostile.toString()).isEqualTo(403);
            assertThat(refused.body())
                    .as(hostile.toString())
                    .contains("This form did not come from Dodam")
                    .contains("nothing was sent or saved")
                    .doesNotContain("receiptCode")
                    .doesNotContain(marker)
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:");
            assertThat(refused.all("Set-Cookie")).noneMatch(SessionCookies::isSession);
        }
        RawHttp.Response korean =
                sendReport(Map.of("Sec-Fetch-Site", "cross-site", "Accept-Language", "ko"), "cross-site-ko");
        assertThat(korean.status()).isEqualTo(403);
        assertThat(korean.body())
                .contains("lang=\"ko\"")
                .contains("도담에서 보낸 양식이 아니에요")
                .contains("아무것도 보내거나 저장하지 않았어요");
        assertThat(reports()).as("no report was stored").isEqualTo(before);
    }

    @Test
    void aReportFromDodamsOwnPagesIsSentWhateverTheBrowserSays() throws Exception {
        long before = reports();
        Map<String, Map<String, String>> sameSite = new LinkedHashMap<>();
        sameSite.put("a current browser", Map.of("Sec-Fetch-Site", "same-origin", "Origin", PUBLIC));
        sameSite.put("the public address, without Fetch Metadata", Map.of("Origin", PUBLIC));
        sameSite.put("the address the request went to", Map.of("Origin", own));
        sameSite.put(
                "the address the proxy forwards",
                Map.of(
                        "Origin",
                        "https://other-name.school.example",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "other-name.school.example"));
        sameSite.put("an old browser on the no-referrer report page", Map.of("Origin", "null"));
        sameSite.put("a browser that says nothing", Map.of());
        for (var entry : sameSite.entrySet()) {
            RawHttp.Response sent =
                    sendReport(with(entry.getValue(), "Accept-Language", "en"), "same-site-" + UUID.randomUUID());
            assertThat(sent.status()).as(entry.getKey()).isEqualTo(200);
            assertThat(sent.body()).as(entry.getKey()).contains("id=\"receiptCode\"");
        }
        assertThat(reports()).isEqualTo(before + sameSite.size());
    }

    @Test
    void aFollowUpFromAnotherSiteIsRefused() {
        String followUp = reportPath.replace("index.xhtml", "follow-up.xhtml");
        String form = form(Map.of(
                "followUp",
                "followUp",
                "s",
                followUp.substring(followUp.indexOf("s=") + 2),
                "followUp:code",
                "ZZZZ-ZZZZ-ZZZZ-ZZZ2",
                "followUp:open",
                "Open",
                "jakarta.faces.ViewState",
                "stateless"));
        RawHttp.Response refused = RawHttp.post(
                server, PROXY, followUp, Map.of("Sec-Fetch-Site", "cross-site", "Accept-Language", "en"), form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This form did not come from Dodam");
        RawHttp.Response sameOrigin = RawHttp.post(
                server, PROXY, followUp, Map.of("Sec-Fetch-Site", "same-origin", "Accept-Language", "en"), form);
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(sameOrigin.body()).doesNotContain("This form did not come from Dodam");
    }

    @Test
    void signingInNeedsAPostThatSaysItCameFromDodam() {
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        hostile().forEach(h -> refused.put(h.toString(), h));
        refused.put("no Origin and no Sec-Fetch-Site", Map.of());
        refused.put("the opaque origin", Map.of("Origin", "null"));
        refused.put(
                "an untrusted client's forwarded address",
                Map.of(
                        "Origin",
                        "https://other-name.school.example",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "other-name.school.example"));
        for (var entry : refused.entrySet()) {
            RawHttp.Response answer = signIn(UNTRUSTED, with(entry.getValue(), "Accept-Language", "en"));
            assertThat(answer.status()).as(entry.getKey()).isEqualTo(403);
            assertThat(answer.body()).as(entry.getKey()).contains("This form did not come from Dodam");
            assertThat(answer.all("Set-Cookie")).as(entry.getKey()).noneMatch(SessionCookies::isSession);
        }
        for (Map<String, String> ok : java.util.List.of(
                Map.of("Sec-Fetch-Site", "same-origin"), Map.of("Origin", own), Map.of("Origin", PUBLIC))) {
            RawHttp.Response answer = signIn(UNTRUSTED, ok);
            assertThat(answer.status()).as(ok.toString()).isEqualTo(302);
            assertThat(answer.first("Location"))
                    .as(ok.toString())
                    .hasValueSatisfying(l -> assertThat(l).contains("/student/"));
        }
        RawHttp.Response proxied = signIn(
                PROXY,
                Map.of(
                        "Origin",
                        "https://other-name.school.example",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "other-name.school.example"));
        assertThat(proxied.status())
                .as("the address the trusted proxy forwards")
                .isEqualTo(302);
    }

    @Test
    void joiningAClassFromAnotherSiteCreatesNoAccount() throws Exception {
        String code = string("select join_code from school_class where archived = false order by id");
        String username = "cs-" + UUID.randomUUID().toString().substring(0, 8);
        RawHttp.Response refused =
                join(Map.of("Sec-Fetch-Site", "cross-site", "Accept-Language", "en"), code, username);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This form did not come from Dodam");
        assertThat(join(Map.of("Accept-Language", "en"), code, username).status())
                .as("a post that says nothing")
                .isEqualTo(403);
        assertThat(accounts(username)).as("no account was created").isZero();
        RawHttp.Response joined =
                join(Map.of("Sec-Fetch-Site", "same-origin", "Accept-Language", "en"), code, username);
        assertThat(joined.status()).isIn(200, 302, 303);
        assertThat(accounts(username))
                .as("the same form from Dodam's page creates the account")
                .isEqualTo(1);
    }

    @Test
    void theLanguageAndSignOutButtonsRefuseOtherSites() {
        RawHttp.Response refused = RawHttp.post(
                server,
                PROXY,
                "language",
                Map.of("Origin", "https://evil.example", "Accept-Language", "en"),
                "return=%2Flogin.xhtml&lang=ko");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This form did not come from Dodam");
        assertThat(refused.all("Set-Cookie")).noneMatch(c -> c.startsWith("dodam-lang="));
        RawHttp.Response fromReportPage =
                RawHttp.post(server, PROXY, "language", Map.of("Origin", "null"), "return=%2Flogin.xhtml&lang=ko");
        assertThat(fromReportPage.status())
                .as("an old browser on a no-referrer report page")
                .isEqualTo(303);

        String session = sessionCookie(signIn(PROXY, Map.of("Sec-Fetch-Site", "same-origin")));
        RawHttp.Response signOut = RawHttp.post(
                server,
                PROXY,
                "sign-out",
                Map.of("Cookie", session, "Sec-Fetch-Site", "cross-site", "Accept-Language", "en"),
                "");
        assertThat(signOut.status()).isEqualTo(403);
        assertThat(signOut.body()).as("in the signed-in person's own language").contains("도담에서 보낸 양식이 아니에요");
        assertThat(RawHttp.get(server, PROXY, "student/index.xhtml", Map.of("Cookie", session))
                        .status())
                .as("still signed in")
                .isEqualTo(200);
        assertThat(RawHttp.post(
                                server,
                                PROXY,
                                "sign-out",
                                Map.of("Cookie", session, "Sec-Fetch-Site", "same-origin"),
                                "")
                        .status())
                .isEqualTo(303);
        assertThat(RawHttp.get(server, PROXY, "student/index.xhtml", Map.of("Cookie", session))
                        .status())
                .as("signed out")
                .isIn(302, 303);
    }

    /** What browsers say of a post from another site, or from Dodam's address over a weaker scheme or another port. */
    static java.util.List<Map<String, String>> hostile() {
        return java.util.List.of(
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", PUBLIC),
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "http://dodam.school.example"),
                Map.of("Origin", "http://127.0.0.1:1"));
    }

    private RawHttp.Response sendReport(Map<String, String> headers, String text) {
        String page = RawHttp.get(server, PROXY, reportPath, Map.of("Accept-Language", "en"))
                .body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("report", "report");
        fields.put("s", reportPath.substring(reportPath.indexOf("s=") + 2));
        fields.put("token", ReportForms.group(page, "name=\"token\" value=\"([^\"]+)\""));
        fields.put("report:role", "BYSTANDER");
        fields.put("report:category", "GROUP_CHAT");
        fields.put("report:danger", "false");
        fields.put("report:place", "");
        fields.put("report:description", "Something happened in the class chat. " + text);
        fields.put("report:send", "Send");
        fields.put("jakarta.faces.ViewState", "stateless");
        // Each report from a client of its own, so that no flood limit comes into it.
        return RawHttp.post(
                server,
                PROXY,
                reportPath,
                with(headers, "X-Forwarded-For", "198.18.7." + (1 + (int) (Math.random() * 250))),
                form(fields));
    }

    private static RawHttp.Response signIn(String from, Map<String, String> headers) {
        String page = RawHttp.get(server, from, "login.xhtml", Map.of()).body();
        return RawHttp.post(
                server,
                from,
                "login.xhtml",
                headers,
                form(Map.of(
                        "signin",
                        "signin",
                        "signin:school",
                        DodamServer.SCHOOL,
                        "signin:username",
                        "demo-student05",
                        "signin:password",
                        DodamServer.DEMO_PASSWORD,
                        "signin:submit",
                        "x",
                        "jakarta.faces.ViewState",
                        HttpSession.viewState(page))));
    }

    private static RawHttp.Response join(Map<String, String> headers, String code, String username) {
        String page = RawHttp.get(server, PROXY, "join.xhtml", Map.of()).body();
        return RawHttp.post(
                server,
                PROXY,
                "join.xhtml",
                headers,
                form(Map.of(
                        "join",
                        "join",
                        "join:code",
                        code,
                        "join:name",
                        "Cross Site",
                        "join:username",
                        username,
                        "join:password",
                        "lantern cobalt meadow ninety",
                        "join:submit",
                        "x",
                        "jakarta.faces.ViewState",
                        HttpSession.viewState(page))));
    }

    private static String sessionCookie(RawHttp.Response response) {
        String cookie = response.all("Set-Cookie").stream()
                .filter(SessionCookies::isSession)
                .findFirst()
                .orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static long reports() throws SQLException {
        return ServerDatabase.count(jdbcUrl, "select count(*) from incident_report");
    }

    private static long accounts(String username) throws SQLException {
        return ServerDatabase.count(jdbcUrl, "select count(*) from account where username = ?", username);
    }

    private static String string(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "dodam", "dodam");
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
