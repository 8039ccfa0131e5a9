package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dodam.testing.ReportForms.group;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Pages;
import org.dodam.testing.ReportForms;
import org.dodam.testing.ReportPlacement;
import org.dodam.testing.Reporting;
import org.dodam.testing.ServerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The threat model's claims about the reporter (docs/threat-model.md), each tried the way an adversary
 * would: a school that reads its own database, logs and mail to place a report among one student's
 * clicks; a reporter with scripts off; a page that fails after the report committed; a hostile page that
 * posts reports from its visitors' browsers; and one client behind the school's proxy flooding the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymityIT {

    static final long URGENT_SLOT = Reporting.URGENT_SLOT_SECONDS;
    static final long JITTER = Reporting.JITTER_SECONDS;
    static final Pattern REFERENCE = Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

    static GreenMail mail;
    static DodamServer server;
    static Browser browser;
    static String link;
    static String jdbcUrl;

    @BeforeAll
    void start() throws Exception {
        mail = mailbox();
        server = server();
        jdbcUrl = server.databaseUrl();
        browser = new Browser();
        link = Reporting.schoolLink(browser, server);
    }

    /** Where that server's e-mail goes. */
    GreenMail mailbox() {
        return Mailbox.shared();
    }

    /** The server the proofs run on: the reporting tests' embedded H2 server. */
    DodamServer server() throws Exception {
        return Reporting.server();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void withScriptsOffAReporterSendsReadsTheReplyAndAnswers() {
        String marker = "no-script-" + UUID.randomUUID();
        Page reporter = browser.openWithoutScripts("en", Browser.PHONE_WIDTH, someClient());
        reporter.navigate(link);
        String code = Reporting.send(reporter, 1, 2, false, "a group chat", "Seen with scripts off. " + marker);
        assertThat(code).as("the receipt code is shown with scripts off").matches(Reporting.RECEIPT);
        Browser.screenshot(reporter, "report-receipt-no-script-360");

        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Reporting.openCase(counsellor, server, marker);
        counsellor.fill("[id='reply:text']", "Thank you. Which chat was it? " + marker);
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));

        reporter.navigate(link.replace("index.xhtml", "follow-up.xhtml"));
        reporter.fill("[id='followUp:code']", code);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
        assertThat(reporter.textContent("#messagesList")).contains("Which chat was it?");
        reporter.fill("[id='followUp:answer']", "The class chat. " + marker);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:send']"));
        assertThat(reporter.textContent("#messagesList"))
                .as("the answer is in the conversation, after the reply")
                .containsSubsequence("Which chat was it?", "The class chat.");
        reporter.context().close();
        counsellor.context().close();
    }

    @Test
    void aNonceThePageCannotReadGetsTheReportItsWholeReceiptPage() throws Exception {
        String marker = "bad-nonce-" + UUID.randomUUID();
        HttpClient client = client();
        Map<String, String> me = someClient();
        Map<String, String> fields = reportForm(client, me, marker);
        // A field PrimeFaces cannot read as a nonce once made the receipt page fail after the report was stored (the
        // guard then showed the code on a plain page, AnonymousPageGuardTest); now the page gets a nonce of its own.
        fields.put("primefaces.nonce", "not-a-nonce");
        HttpResponse<String> sent = send(client, URI.create(link), fields, me);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().allValues("Content-Security-Policy").toString())
                .doesNotContain("not-a-nonce");
        String code = group(sent.body(), "id=\"receiptCode\"[^>]*>([A-Z0-9-]{19})<");
        assertThat(openWith(code, me))
                .as("the code on the receipt page opens the report")
                .isTrue();
    }

    @Test
    void aFormTokenTheServerDidNotIssueIsRefusedAndNothingIsStored() throws Exception {
        String marker = "forged-" + UUID.randomUUID();
        HttpClient client = client();
        long before = count("select count(*) from incident_report");
        Map<String, String> me = someClient();
        Map<String, String> fields = reportForm(client, me, marker);
        fields.put("token", "A".repeat(48));
        HttpResponse<String> sent = send(client, URI.create(link), fields, me);
        assertThat(sent.body()).contains("was not made by this site").doesNotContain("receiptCode");
        fields.put("token", "made-up-by-the-client-0123456789");
        assertThat(send(client, URI.create(link), fields, me).body()).contains("was not made by this site");
        assertThat(count("select count(*) from incident_report")).isEqualTo(before);
    }

    @Test
    void anotherSitesPageCannotPostAReport() throws Exception {
        HttpClient client = client();
        long before = count("select count(*) from incident_report");
        Map<String, String> me = someClient();
        Map<String, String> fields = reportForm(client, me, "cross-site-" + UUID.randomUUID());
        assertThat(send(client, URI.create(link), fields, with(me, "Sec-Fetch-Site", "cross-site"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(client, URI.create(link), fields, with(me, "Origin", "https://evil.example"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(count("select count(*) from incident_report"))
                .as("nothing was stored")
                .isEqualTo(before);
        assertThat(send(client, URI.create(link), fields, with(me, "Sec-Fetch-Site", "same-origin"))
                        .body())
                .as("the same form from the site itself is sent")
                .contains("id=\"receiptCode\"");
    }

    @Test
    void oneClientBehindTheSchoolsProxyCannotBlockAnother() throws Exception {
        Map<String, String> flooder = someClient();
        Map<String, String> other = someClient();
        int allowed = Reporting.REPORTS_PER_CLIENT;
        List<HttpResponse<String>> flood = new ArrayList<>();
        for (int i = 0; i <= allowed; i++) {
            HttpClient client = client();
            flood.add(send(client, URI.create(link), reportForm(client, flooder, "flood-" + i), flooder));
        }
        assertThat(flood.subList(0, allowed))
                .allSatisfy(r -> assertThat(r.body()).contains("id=\"receiptCode\""));
        assertThat(flood.get(allowed).body())
                .as("the flooder's report past its allowance must wait, and is not refused")
                .contains("must stay open a little longer")
                .doesNotContain("receiptCode")
                .contains("flood-" + allowed);

        HttpClient client = client();
        HttpResponse<String> sent =
                send(client, URI.create(link), reportForm(client, other, "other-" + UUID.randomUUID()), other);
        String code = group(sent.body(), "id=\"receiptCode\"[^>]*>([A-Z0-9-]{19})<");
        assertThat(code)
                .as("another student behind the same proxy reports at once")
                .matches(Reporting.RECEIPT);

        for (int i = 0; i < 15; i++) {
            assertThat(openWith("ZZZZ-ZZZZ-ZZZZ-ZZ" + (char) ('A' + i) + "2", flooder))
                    .isFalse();
        }
        assertThat(openWith(code, other))
                .as("wrong codes from one client lock nobody else out")
                .isTrue();
        assertThat(openWith(code, flooder)).as("nor the client who typed them").isTrue();
    }

    @Test
    void theSchoolCannotPlaceAReportAmongAStudentsClicks() throws Exception {
        Set<String> seen = Reporting.afterPendingNotices(server, mail);
        long[] nextSlot = new long[1];
        ReportPlacement.Sent sent = ReportPlacement.tryToPlace(
                new ReportPlacement.Scene(
                        server,
                        browser,
                        jdbcUrl,
                        "dodam",
                        "dodam",
                        "demo-student11",
                        DodamServer.DEMO_PASSWORD,
                        "demo-counsellor",
                        DodamServer.DEMO_PASSWORD,
                        link,
                        someClient()),
                () -> {
                    // Sent in the middle of a slot, so that a notice sent at once would fall before the next slot.
                    while (Math.floorMod(System.currentTimeMillis(), URGENT_SLOT * 1000) < URGENT_SLOT * 1000 / 2) {
                        sleep(50);
                    }
                    nextSlot[0] = (Math.floorDiv(System.currentTimeMillis() / 1000, URGENT_SLOT) + 1) * URGENT_SLOT;
                });

        assertThat(strings(
                        "select lower(column_name) from information_schema.columns where lower(table_name) = 'incident_report' "
                                + "and data_type like 'TIMESTAMP%'"))
                .as("the only times a report holds are counsellors' actions")
                .containsExactlyInAnyOrder(
                        "first_response_at", "closed_at", "mandatory_flagged_at", "mandatory_reported_at");
        assertThat(count("select count(*) from case_message where author = 'REPORTER' and sent_at is not null"))
                .as("a reporter's message keeps the day only")
                .isZero();

        // Mail: told in a batch, at a fixed slot plus a small random delay, never the second of the report.
        MimeMessage notice = Reporting.awaitSince(mail, seen, "counsellor@dodam.example");
        long mailed = notice.getSentDate().getTime() / 1000;
        assertThat(mailed)
                .as("the notice is not sent when the report arrives, but at the next slot")
                .isGreaterThanOrEqualTo(nextSlot[0]);
        assertThat(Math.floorMod(mailed, URGENT_SLOT))
                .as("the notice goes at a slot, plus the jitter")
                .isLessThanOrEqualTo(JITTER + 1);
        for (MimeMessage any : mail.getReceivedMessages()) {
            assertThat(String.valueOf(any.getContent()))
                    .doesNotContain(sent.marker())
                    .doesNotContain(sent.code());
        }

        // What counsellors and the admin see: a random reference, never a running number.
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Reporting.openCase(counsellor, server, sent.marker());
        assertThat(counsellor.textContent("#caseReference").strip()).matches(REFERENCE);
        assertThat(counsellor.title()).doesNotContainPattern("#\\d");
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        admin.navigate(server.uri("admin/reports.xhtml").toString());
        assertThat(admin.content()).doesNotContainPattern("#\\d{2,}");
        counsellor.context().close();
        admin.context().close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client of its own behind the trusted proxy, so that no test's reports count against another's. */
    static Map<String, String> someClient() {
        return Reporting.someClient();
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    static HttpClient client() {
        return ReportForms.client();
    }

    static Map<String, String> reportForm(HttpClient client, Map<String, String> headers, String text)
            throws Exception {
        return ReportForms.filled(client, link, headers, text);
    }

    static HttpResponse<String> send(
            HttpClient client, URI uri, Map<String, String> fields, Map<String, String> headers) throws Exception {
        return ReportForms.post(client, uri, fields, headers);
    }

    static boolean openWith(String code, Map<String, String> headers) throws Exception {
        return ReportForms.opens(link, code, headers);
    }

    static List<String> strings(String sql) throws SQLException {
        return column(sql).stream().map(String::valueOf).toList();
    }

    static long count(String sql) throws SQLException {
        return longs(sql).get(0);
    }

    static List<Long> longs(String sql) throws SQLException {
        return column(sql).stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** The first column of a query's rows, read beside the running server (AUTO_SERVER). */
    static List<Object> column(String sql) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection db = ServerDatabase.open(jdbcUrl);
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
        }
        return values;
    }
}
