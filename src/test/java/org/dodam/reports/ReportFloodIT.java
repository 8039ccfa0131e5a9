package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Pages;
import org.dodam.testing.RawHttp;
import org.dodam.testing.ReportForms;
import org.dodam.testing.Reporting;
import org.dodam.testing.SessionCookies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A flood of reports at one school, from many clients behind the school's proxy: nobody is refused, new
 * forms there must stay open a minute, and the counsellors are told, in their next notice and in the inbox.
 * The server is set up as behind the school's HTTPS proxy (trusted, public address https), so the transport
 * rules are checked here too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFloodIT {

    static final int FLOOD = 4;
    static final String PUBLIC_HOST = "dodam.school.example";
    /** What the school's proxy (127.0.0.1, trusted) adds to every request it passes on. */
    static final Map<String, String> PROXY = Map.of(
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            PUBLIC_HOST,
            "X-Forwarded-For",
            "198.51.100.20",
            "Accept-Language",
            "en");

    static GreenMail mail;
    static DodamServer server;
    static Browser browser;

    @BeforeAll
    void start() throws Exception {
        mail = Mailbox.start();
        server = server(mail);
        browser = new Browser();
    }

    /** The server the proof runs on: embedded H2 with the demo school. */
    DodamServer server(GreenMail mail) throws Exception {
        return DodamServer.start("report-flood", environment(mail, Map.of()), true);
    }

    static Map<String, String> environment(GreenMail mail, Map<String, String> database) {
        Map<String, String> environment = new java.util.HashMap<>(database);
        environment.putAll(Map.of(
                "DODAM_TRUSTED_PROXIES", "127.0.0.1",
                "DODAM_PUBLIC_URL", "https://" + PUBLIC_HOST + "/",
                "DODAM_REPORTS_SCHOOL_FLOOD_PER_HOUR", String.valueOf(FLOOD),
                "DODAM_NOTIFY_URGENT_EVERY_SECONDS", "2",
                "DODAM_NOTIFY_EVERY_SECONDS", "4",
                "DODAM_NOTIFY_JITTER_SECONDS", "1"));
        return Mailbox.environment(mail, environment);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aFloodSlowsEveryoneAMinuteRefusesNobodyAndIsToldToCounsellors() throws Exception {
        String link = Reporting.schoolLink(browser, server);
        for (int i = 0; i < FLOOD; i++) {
            assertThat(ReportForms.report(link, Map.of("X-Forwarded-For", "198.18.7." + (i + 1)), "junk " + i)
                            .body())
                    .as("every report until the flood is accepted")
                    .contains("id=\"receiptCode\"");
        }
        String waiting = ReportForms.report(link, Map.of("X-Forwarded-For", "198.18.7.99"), "a real report")
                .body();
        assertThat(waiting)
                .as("a new client during the flood waits a minute, and keeps its words")
                .contains("must stay open a little longer")
                .contains("a real report")
                .doesNotContain("id=\"receiptCode\"");

        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        long deadline = System.currentTimeMillis() + 30_000;
        String told = null;
        while (told == null && System.currentTimeMillis() < deadline) {
            told = Arrays.stream(mail.getReceivedMessages())
                    .map(ReportFloodIT::body)
                    .filter(b -> b.contains("Unusually many reports came in on " + today)
                            || b.contains(today + "에 평소보다 훨씬 많은 신고"))
                    .findFirst()
                    .orElse(null);
            Thread.sleep(500);
        }
        // Nothing of the reports' words ("junk 0", "junk 1" …); the English notice itself says some may be junk.
        assertThat(told)
                .as("the counsellors' next notice tells of the flood")
                .isNotNull()
                .doesNotContainPattern("junk \\d");

        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(counsellor, "en");
        assertThat(counsellor.textContent("#floodNotice")).contains(today).contains("nobody was refused");
        counsellor.context().close();
    }

    /**
     * Behind the school's HTTPS proxy: the session and language cookies are Secure, redirects stay on the
     * address the browser used (relative), browsers are told to keep to HTTPS for a year (no subdomains, no
     * preload), and the counsellor's report link is the public https address. The same headers from a client
     * that is not the proxy (127.0.0.2) do not move the link.
     */
    @Test
    void behindTheSchoolsHttpsProxyCookiesAreSecureAndPagesKeepToItsAddress() {
        RawHttp.Response login = RawHttp.get(server, "127.0.0.1", "login.xhtml", PROXY);
        assertThat(login.all("Strict-Transport-Security")).containsExactly("max-age=31536000");
        String form = "signin=signin&signin%3Ausername=demo-counsellor&signin%3Apassword="
                + URLEncoder.encode(DodamServer.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&signin%3Asubmit=x&jakarta.faces.ViewState="
                + URLEncoder.encode(HttpSession.viewState(login.body()), StandardCharsets.UTF_8);
        Map<String, String> fromTheSignInPage = new HashMap<>(PROXY);
        fromTheSignInPage.put("Origin", "https://" + PUBLIC_HOST);
        RawHttp.Response signedIn = RawHttp.post(server, "127.0.0.1", "login.xhtml", fromTheSignInPage, form);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.first("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .as("relative, or on the public address")
                        .matches("(/|https://" + PUBLIC_HOST + "/).*"));
        String session = signedIn.all("Set-Cookie").stream()
                .filter(SessionCookies::isSession)
                .findFirst()
                .orElseThrow();
        assertThat(session)
                .as("ASVS 3.4.4: a __Host- cookie, which a browser keeps only from https, for the whole site")
                .startsWith("__Host-JSESSIONID=")
                .contains("; Secure")
                .contains("HttpOnly")
                .containsIgnoringCase("Path=/;")
                .doesNotContainIgnoringCase("Domain=");
        String cookie = session.substring(0, session.indexOf(';'));

        Map<String, String> signedInProxy = new HashMap<>(PROXY);
        signedInProxy.put("Cookie", cookie);
        RawHttp.Response inbox = RawHttp.get(server, "127.0.0.1", "counsellor/index.xhtml", signedInProxy);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("id=\"reportLink\">https://" + PUBLIC_HOST + "/report/index.xhtml?s=");
        assertThat(inbox.all("Strict-Transport-Security")).containsExactly("max-age=31536000");

        RawHttp.Response language = RawHttp.post(
                server, "127.0.0.1", "language", signedInProxy, "return=%2Fcounsellor%2Findex.xhtml&lang=en");
        assertThat(language.status()).isEqualTo(303);
        assertThat(language.first("Location")).hasValue("/counsellor/index.xhtml");
        assertThat(language.all("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("dodam-lang=en").contains("; Secure"));

        RawHttp.Response forged = RawHttp.get(
                server,
                "127.0.0.2",
                "counsellor/index.xhtml",
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "evil.example",
                        "Forwarded",
                        "proto=https;host=evil.example",
                        "Cookie",
                        cookie));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.body())
                .as("headers from a client that is not the proxy")
                .doesNotContain("evil.example")
                .contains("id=\"reportLink\">http://");
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            return "";
        }
    }
}
