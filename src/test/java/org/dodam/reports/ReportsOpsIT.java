package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dodam.reports.domain.CaseIds;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.EarlierRows;
import org.dodam.testing.Pages;
import org.dodam.testing.Reporting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What reporting promises beyond the pages, on a server of its own: no trace of the reporter in any table
 * or log, no plaintext of reports, messages or notes in the database, every receipt code that was shown
 * still opening its report after the server is killed mid-burst, closed cases deleted after the retention
 * period with a line in the audit log, and wrong receipt codes locking nobody out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsOpsIT {

    static final Map<String, String> ENVIRONMENT = Map.of(
            "DODAM_REPORT_RETENTION_DAYS", "0",
            "DODAM_REPORT_RETENTION_CHECK_SECONDS", "2",
            "DODAM_REPORTS_MAX_PER_HOUR", "1000",
            "DODAM_MASTER_KEY_CHECK_SECONDS", "2");
    static final Pattern RECEIPT = Pattern.compile("id=\"receiptCode\"[^>]*>([A-Z0-9-]{19})<");

    static DodamServer server;
    static Browser browser;
    /** Whether a test stopped the server and left it stopped; the next test starts it again on the same data. */
    static boolean stopped;

    @BeforeAll
    static void start() {
        server = DodamServer.start("reports-ops", ENVIRONMENT, true);
        browser = new Browser();
    }

    @BeforeEach
    void running() {
        if (stopped) {
            server = DodamServer.start("reports-ops", ENVIRONMENT, false);
            stopped = false;
        }
    }

    @AfterAll
    static void close() {
        browser.close();
        if (!stopped) {
            server.stop();
        }
    }

    static void restart() {
        server.stop();
        server = DodamServer.start("reports-ops", ENVIRONMENT, false);
    }

    /** Runs last only so that the server it stops to read its files need not start again; any order passes. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noTraceOfTheReporterAndNoPlaintextIsStored() throws Exception {
        String agent = "DodamNoTraceAgent/" + UUID.randomUUID();
        String address = "203.0.113.199";
        String reportText = "no-trace-report-" + UUID.randomUUID();
        String answerText = "no-trace-answer-" + UUID.randomUUID();
        String noteText = "no-trace-note-" + UUID.randomUUID();
        String replyText = "no-trace-reply-" + UUID.randomUUID();
        String link = Reporting.schoolLink(browser, server);

        BrowserContext context = browser.context(
                "en", Browser.PHONE_WIDTH, agent, Map.of("X-Forwarded-For", address, "X-Real-IP", address));
        Page reporter = context.newPage();
        reporter.navigate(link);
        String code = Reporting.send(reporter, 0, 4, false, "group chat " + reportText, reportText);
        assertThat(code).matches(Reporting.RECEIPT);
        List<String> cookies = context.cookies().stream().map(c -> c.value).toList();

        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        String caseUrl = Reporting.openCase(counsellor, server, reportText);
        counsellor.fill("[id='note:text']", noteText);
        counsellor.waitForNavigation(() -> counsellor.click("[id='note:add']"));
        counsellor.fill("[id='reply:text']", replyText);
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));
        reporter.navigate(link.replace("index.xhtml", "follow-up.xhtml"));
        reporter.fill("[id='followUp:code']", code);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
        assertThat(reporter.textContent("#messagesList")).contains(replyText);
        reporter.fill("[id='followUp:answer']", answerText);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:send']"));
        assertThat(Pages.messages(reporter)).contains("Your message was sent");
        counsellor.navigate(caseUrl);
        assertThat(counsellor.textContent("#conversation")).contains(answerText);
        context.close();

        server.stop();
        stopped = true;
        assertThat(Files.getPosixFilePermissions(server.dataDirectory().resolve("master.key")))
                .as("the master key is readable by its owner only")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String dump = dump(server.dataDirectory());
        assertThat(dump)
                .as("the dump holds the sealed report")
                .contains("INSERT INTO \"PUBLIC\".\"INCIDENT_REPORT\"")
                .contains("'v2.");
        List<String> secrets = new ArrayList<>(List.of(
                agent, address, "127.0.0.1", reportText, answerText, noteText, replyText, code, code.replace("-", "")));
        secrets.addAll(cookies);
        for (String secret : secrets) {
            assertThat(dump).as("the database holds no " + secret).doesNotContain(secret);
        }
        try (Stream<Path> files = Files.walk(server.log().getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String utf8 = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String secret : List.of(agent, address, reportText, answerText, noteText, replyText, code)) {
                    assertThat(text).as(file + " holds no " + secret).doesNotContain(secret);
                    assertThat(utf8).as(file + " holds no " + secret).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void everyShownReceiptCodeOpensItsReportAfterTheServerIsKilledMidBurst() throws Exception {
        String link = Reporting.schoolLink(browser, server);
        Queue<String> shown = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        int attempts = 80;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        for (int i = 0; i < attempts; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    shown.add(submit(link, "burst report " + n));
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (shown.size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.kill();
        long killedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int shownAtKill = shown.size();
        assertThat(shownAtKill).as("codes shown before the kill").isGreaterThanOrEqualTo(20);
        assertThat(failed.get()).as("submissions cut off by the kill").isPositive();

        server = DodamServer.start("reports-ops", ENVIRONMENT, false);
        URI old = URI.create(link);
        String followUp = server.uri(
                        old.getRawPath().replace("index.xhtml", "follow-up.xhtml") + "?" + old.getRawQuery())
                .toString();
        int opened = 0;
        List<String> lost = new ArrayList<>();
        for (String code : shown) {
            if (opens(followUp, code)) {
                opened++;
            } else {
                lost.add(code);
            }
        }
        System.out.printf(
                "durability: %d submissions started, %d receipt codes shown, killed after %d ms, %d cut off, "
                        + "%d of %d shown codes open their report after restart%n",
                attempts, shownAtKill, killedAfterMs, failed.get(), opened, shownAtKill);
        assertThat(lost).as("receipt codes shown but lost").isEmpty();
    }

    @Test
    void closedCasesAreDeletedAfterTheRetentionPeriodAndTheAuditLogSaysSo() {
        String marker = "retention-" + UUID.randomUUID();
        Page reporter = browser.open("en", Browser.DESKTOP_WIDTH);
        reporter.navigate(Reporting.schoolLink(browser, server));
        assertThat(Reporting.send(reporter, 2, 5, false, "", marker)).matches(Reporting.RECEIPT);
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        String caseUrl = Reporting.openCase(counsellor, server, marker);
        String reference = counsellor.textContent("#caseReference").strip();
        counsellor.selectOption("[id='close:outcome']", new SelectOption().setValue("FALSE_REPORT"));
        counsellor.waitForNavigation(() -> counsellor.click("[id='close:closeCase']"));
        int status = 200;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (status != 404 && System.nanoTime() < deadline) {
            status = counsellor.navigate(caseUrl).status();
        }
        assertThat(status).as("the closed case is deleted (retention 0 days)").isEqualTo(404);
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(admin, "en");
        admin.waitForNavigation(() -> admin.click("#reportsLink"));
        assertThat(admin.locator(Reporting.AUDIT + " tr", new Page.LocatorOptions().setHasText(reference))
                        .allTextContents())
                .anySatisfy(row -> assertThat(row)
                        .contains("Deleted after the retention period")
                        .contains("Dodam (automatic)"))
                .anySatisfy(row -> assertThat(row).contains("Closed the case · False report"));
    }

    @Test
    void theMasterKeyIsRotatedWithoutDowntimeAndTheOldKeyCanThenGo() throws Exception {
        String link = Reporting.schoolLink(browser, server);
        String followUp = link.replace("index.xhtml", "follow-up.xhtml");
        String code = submit(link, "rotation-" + UUID.randomUUID());
        Path keyFile = server.dataDirectory().resolve("master.key");
        String oldKey = Files.readString(keyFile).strip();
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        String newKey = java.util.Base64.getEncoder().encodeToString(raw);
        Files.writeString(keyFile, newKey + "\n" + oldKey + "\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.logText().contains("Wrapped the data keys of") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(server.logText())
                .as("the running server takes up the new key")
                .contains("Wrapped the data keys of");
        assertThat(opens(followUp, code)).as("and goes on serving").isTrue();
        assertThat(submit(link, "after-rotation-" + UUID.randomUUID())).matches(Reporting.RECEIPT);

        server.stop();
        assertThat(dump(server.dataDirectory()))
                .as("no data key is wrapped under the old key any more")
                .doesNotContain("'v1.")
                .contains("'v2."
                        + org.dodam.platform.crypto.Sealing.keyId(org.dodam.platform.crypto.Sealing.key(
                                java.util.Base64.getDecoder().decode(newKey)))
                        + ".");
        Files.writeString(keyFile, newKey + "\n");
        restart();
        String followUpAgain = Reporting.schoolLink(browser, server).replace("index.xhtml", "follow-up.xhtml");
        assertThat(opens(followUpAgain, code))
                .as("with the old key gone, the report still opens")
                .isTrue();
    }

    @Test
    void casesWrittenBeforeCaseIdsWereRandomAreGivenRandomIdsAndStillOpen() throws Exception {
        String description = "earlier-case-" + UUID.randomUUID();
        String reply = "earlier-reply-" + UUID.randomUUID();
        String note = "earlier-note-" + UUID.randomUUID();
        String link = Reporting.schoolLink(browser, server);
        String followUp = link.replace("index.xhtml", "follow-up.xhtml");
        String code = submit(link, description);
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Reporting.openCase(counsellor, server, description);
        counsellor.fill("[id='note:text']", note);
        counsellor.waitForNavigation(() -> counsellor.click("[id='note:add']"));
        counsellor.fill("[id='reply:text']", reply);
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));

        // The case as a Dodam before schema version 6 wrote it: ids from the shared counter, texts sealed under them.
        server.stop();
        long earlierId = 1_000_155;
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + server.dataDirectory().resolve("dodam"), "dodam", "dodam")) {
            EarlierRows.make(
                    db,
                    Files.readString(server.dataDirectory().resolve("master.key"))
                            .strip(),
                    description,
                    earlierId);
        }
        restart();

        // All three rows made on counter ids (the case, its reply and its note) were given new ones.
        assertThat(server.logText())
                .contains("Gave 1 earlier case(s) and 2 earlier message(s), note(s) and referral(s) random ids");
        String thread = thread(Reporting.schoolLink(browser, server).replace("index.xhtml", "follow-up.xhtml"), code);
        assertThat(thread)
                .as("the reporter's code still opens the case, texts and reply readable")
                .contains(description)
                .contains(reply);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        String newCaseUrl = Reporting.openCase(counsellor, server, description);
        assertThat(Long.parseLong(newCaseUrl.replaceAll(".*[?&]id=(\\d+).*", "$1")))
                .as("the case's new id")
                .isGreaterThanOrEqualTo(CaseIds.FLOOR);
        assertThat(counsellor.textContent("#caseReference").strip()).isNotEqualTo(CaseIds.reference(earlierId));
        assertThat(counsellor.content()).contains(note).contains(reply);
        assertThat(counsellor
                        .navigate(server.uri("/counsellor/case.xhtml?id=" + earlierId)
                                .toString())
                        .status())
                .as("the earlier id opens nothing")
                .isEqualTo(404);
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(admin, "en");
        admin.waitForNavigation(() -> admin.click("#reportsLink"));
        assertThat(admin.locator(Reporting.AUDIT).textContent())
                .contains("Given a new random reference")
                .doesNotContain(CaseIds.reference(earlierId));
    }

    @Test
    void wrongReceiptCodesLockNobodyOut() throws Exception {
        String link = Reporting.schoolLink(browser, server);
        URI followUp = URI.create(link.replace("index.xhtml", "follow-up.xhtml"));
        String code = submit(link, "locked-out-" + UUID.randomUUID());
        // From a loopback address of its own, as a student typing junk behind the school's shared address would.
        for (int i = 0; i < 15; i++) {
            assertThat(openFrom("127.0.0.77", followUp, "ABCD-EFGH-JKLM-N" + "PQRSTUVWXYZ23456".charAt(i) + "Q2"))
                    .contains("does not open a report");
        }
        assertThat(openFrom("127.0.0.77", followUp, code))
                .as("the right code still opens from the same address")
                .contains("id=\"threadTitle\"");
    }

    /** Opens the follow-up form and posts a code over a socket bound to the given source address; returns the page. */
    static String openFrom(String sourceAddress, URI followUp, String code) throws IOException {
        String page = exchange(
                sourceAddress,
                followUp,
                "GET " + followUp.getRawPath() + "?" + followUp.getRawQuery()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");
        assertThat(page).as("the report pages make no session").doesNotContainIgnoringCase("JSESSIONID");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("followUp", "followUp");
        fields.put("s", followUp.getRawQuery().substring(2));
        fields.put("primefaces.nonce", group(page, "'nonce-([^']+)'"));
        fields.put("followUp:code", code);
        fields.put("followUp:open", "Open");
        fields.put("jakarta.faces.ViewState", "stateless");
        String body = form(fields);
        return exchange(
                sourceAddress,
                followUp,
                "POST " + followUp.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept-Language: en\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                        + "\r\nConnection: close\r\n\r\n" + body);
    }

    static String exchange(String sourceAddress, URI server, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends one report the way a browser does: open the form, post it with its token; returns the code shown. */
    static String submit(String link, String text) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(link))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("report", "report");
        fields.put("s", URI.create(link).getQuery().substring(2));
        fields.put("token", group(form.body(), "name=\"token\" value=\"([^\"]+)\""));
        fields.put(
                "primefaces.nonce",
                group(form.headers().allValues("Content-Security-Policy").toString(), "'nonce-([^']+)'"));
        fields.put("report:role", "BYSTANDER");
        fields.put("report:category", "GROUP_CHAT");
        fields.put("report:danger", "false");
        fields.put("report:place", "");
        fields.put("report:description", text);
        fields.put("report:send", "Send");
        fields.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> sent = client.send(
                post(URI.create(link).resolve("index.xhtml"), fields), HttpResponse.BodyHandlers.ofString());
        return group(sent.body(), RECEIPT.pattern());
    }

    static boolean opens(String followUpLink, String code) throws IOException, InterruptedException {
        return thread(followUpLink, code).contains("id=\"threadTitle\"");
    }

    /** The follow-up page after posting the code: the report's thread, or the form with its message. */
    static String thread(String followUpLink, String code) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(followUpLink)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("followUp", "followUp");
        fields.put("s", URI.create(followUpLink).getQuery().substring(2));
        fields.put(
                "primefaces.nonce",
                group(form.headers().allValues("Content-Security-Policy").toString(), "'nonce-([^']+)'"));
        fields.put("followUp:code", code);
        fields.put("followUp:open", "Open");
        fields.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> opened = client.send(
                post(URI.create(followUpLink).resolve("follow-up.xhtml"), fields),
                HttpResponse.BodyHandlers.ofString());
        return opened.statusCode() == 200 ? opened.body() : "";
    }

    static HttpRequest post(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }

    /** The whole database as SQL, read after the server has stopped, the way a stolen backup could be read. */
    static String dump(Path dataDirectory) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDirectory.resolve("dodam") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                        "dodam",
                        "dodam");
                ResultSet rows = db.createStatement().executeQuery("SCRIPT")) {
            while (rows.next()) {
                all.append(rows.getString(1)).append('\n');
            }
        }
        return all.toString();
    }
}
