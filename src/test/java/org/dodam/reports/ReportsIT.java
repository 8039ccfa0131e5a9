package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.internet.MimeMessage;
import java.util.Set;
import java.util.UUID;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Pages;
import org.dodam.testing.Reporting;
import org.dodam.testing.ServerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymous reporting end to end, in the browser: a student reports in Korean, the counsellor is told by
 * e-mail (through a real in-process SMTP server) without any of the report, opens the case and replies;
 * the reporter comes back with the receipt code, reads the reply and answers; the counsellor refers,
 * records the mandatory report and closes the case. An anonymous English report in danger shows the help
 * numbers at once and lands first in the inbox. Other roles get 404 for the counsellor's pages.
 */
class ReportsIT {

    static GreenMail mail;
    static DodamServer server;
    static Browser browser;
    static String schoolLink;
    static String jdbcUrl;

    @BeforeAll
    static void start() {
        mail = Mailbox.shared();
        server = Reporting.server();
        // The database is open beside the server (AUTO_SERVER), to add a second school.
        jdbcUrl = server.databaseUrl();
        browser = new Browser();
        schoolLink = Reporting.schoolLink(browser, server);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aStudentReportsInKoreanAndTheCounsellorFollowsTheCaseThrough() throws Exception {
        String marker = "마커-" + UUID.randomUUID();
        Page student = browser.open("ko", Browser.PHONE_WIDTH, Reporting.someClient());
        Pages.signIn(student, server, "demo-student03", DodamServer.DEMO_PASSWORD);
        student.waitForNavigation(() -> student.click("#tellSomeone"));
        assertThat(Pages.heading(student)).isEqualTo("누군가에게 말하기");
        assertThat(student.textContent("#signedInNotice")).contains("계정과 연결되지 않아요");
        assertThat(Accessibility.seriousViolations(student)).isEmpty();
        Browser.screenshot(student, "report-form-ko-360");
        // Earlier reports' notices (the demo school's, other tests') go out first, so the next notice is this report's.
        Reporting.counsellorReads(browser, server, "ko");
        Set<String> seen = Reporting.afterPendingNotices(server, mail);

        String code = Reporting.send(
                student, 0, 0, false, "인스타그램 단체 대화방 @fake_account_9", "같은 반 친구가 제 얼굴로 합성한 사진을 단체방에 올렸어요. " + marker);
        assertThat(code).matches(Reporting.RECEIPT);
        assertThat(student.textContent("#receiptTitle")).contains("접수");
        Browser.screenshot(student, "report-receipt-ko-360");
        String followUpUrl = server.base()
                .resolve(student.getAttribute("#followUpLink", "href"))
                .toString();

        MimeMessage notice = Reporting.awaitSince(mail, seen, "counsellor@dodam.example");
        String body = (String) notice.getContent();
        assertThat(notice.getSubject()).isEqualTo("도담: 우리 학교 신고에 새 소식이 있습니다");
        assertThat(body)
                .contains("https://dodam.school.example/counsellor/index.xhtml")
                .containsPattern("새 신고 \\d+건");
        for (MimeMessage any : Reporting.since(mail, seen)) {
            assertThat((String) any.getContent())
                    .as("no notice tells what was reported")
                    .doesNotContain(marker)
                    .doesNotContain("fake_account_9")
                    .doesNotContain(code)
                    .doesNotContain("합성");
        }

        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(counsellor, "en");
        String caseUrl = Reporting.openCase(counsellor, server, marker);
        assertThat(counsellor.textContent("#casePlace")).contains("@fake_account_9");
        assertThat(counsellor.textContent("#caseStatus")).isEqualTo("New");
        counsellor.fill(
                "[id='reply:text']",
                "Thank you for telling us. You did the right thing. Which class is the student in?");
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));
        assertThat(Pages.messages(counsellor)).contains("The reply was sent");
        assertThat(counsellor.textContent("#caseStatus"))
                .as("a first reply triages a new case")
                .isEqualTo("Triaged");
        assertThat(Accessibility.seriousViolations(counsellor)).isEmpty();

        Page reporter = browser.open("ko", Browser.PHONE_WIDTH, Reporting.someClient());
        reporter.navigate(followUpUrl);
        reporter.fill("[id='followUp:code']", code.toLowerCase().replace("-", " "));
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
        assertThat(reporter.textContent("#messagesList")).contains("Which class is the student in?");
        assertThat(Accessibility.seriousViolations(reporter)).isEmpty();
        reporter.fill("[id='followUp:answer']", "2학년 3반이에요. 답장 고마워요.");
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:send']"));
        assertThat(Pages.messages(reporter)).contains("메시지를 보냈어요");
        assertThat(reporter.textContent("#messagesList")).contains("2학년 3반이에요");
        Browser.screenshot(reporter, "report-follow-up-ko-360");

        counsellor.navigate(caseUrl);
        assertThat(counsellor.textContent("#conversation")).contains("2학년 3반이에요");
        counsellor.selectOption("[id='refer:target']", new SelectOption().setValue("TAKE_IT_DOWN"));
        counsellor.fill("[id='refer:reference']", "TID-2026-0042");
        counsellor.waitForNavigation(() -> counsellor.click("[id='refer:add']"));
        assertThat(counsellor.textContent("#referrals"))
                .contains("Take It Down")
                .contains("TID-2026-0042");
        assertThat(counsellor.textContent("#caseStatus")).isEqualTo("Referred");
        counsellor.waitForNavigation(() -> counsellor.click("[id='mandatory:flag']"));
        assertThat(counsellor.textContent("#mandatoryState")).contains("Marked as needed on");
        counsellor.selectOption("[id='mandatory:agency']", new SelectOption().setValue("POLICE"));
        counsellor.waitForNavigation(() -> counsellor.click("[id='mandatory:record']"));
        assertThat(counsellor.textContent("#mandatoryState"))
                .contains("Reported on")
                .contains("Police (112)");
        counsellor.fill("[id='note:text']", "Spoke with the homeroom teacher.");
        counsellor.waitForNavigation(() -> counsellor.click("[id='note:add']"));
        assertThat(counsellor.textContent("#notes")).contains("Spoke with the homeroom teacher.");

        counsellor.waitForNavigation(() -> counsellor.click("[id='close:closeCase']"));
        assertThat(counsellor.textContent("[id='close']"))
                .as("closing needs an outcome")
                .contains("Choose an outcome");
        counsellor.selectOption("[id='close:outcome']", new SelectOption().setValue("RESOLVED_IN_SCHOOL"));
        counsellor.waitForNavigation(() -> counsellor.click("[id='close:closeCase']"));
        assertThat(counsellor.textContent("#caseStatus")).isEqualTo("Closed");
        assertThat(counsellor.textContent("#caseOutcome")).isEqualTo("Resolved in school");
        Browser.screenshot(counsellor, "counsellor-case-en-desktop");

        reporter.navigate(followUpUrl);
        reporter.fill("[id='followUp:code']", code);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
        assertThat(reporter.textContent("main")).contains("종결");
        assertThat(reporter.locator("[id='followUp:answer']").count()).isZero();

        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(admin, "en");
        admin.waitForNavigation(() -> admin.click("#reportsLink"));
        String audit = admin.textContent(Reporting.AUDIT);
        assertThat(audit)
                .contains("Opened the case")
                .contains("Replied to the reporter")
                .contains("Take It Down")
                .contains("Closed the case · Resolved in school")
                .contains("정은혜");
        assertThat(admin.textContent("main"))
                .as("the admin never sees what a report says")
                .doesNotContain(marker)
                .doesNotContain("fake_account_9")
                .doesNotContain("Spoke with the homeroom teacher");
        assertThat(Accessibility.seriousViolations(admin)).isEmpty();
        Browser.screenshot(admin, "admin-reports-en-desktop");
    }

    @Test
    void anAnonymousReportInDangerShowsHelpAtOnceAndComesFirst() {
        String marker = "marker-" + UUID.randomUUID();
        Page reporter = browser.open("en", Browser.PHONE_WIDTH, Reporting.someClient());
        var response = reporter.navigate(schoolLink);
        assertThat(Pages.heading(reporter)).isEqualTo("Tell someone");
        assertThat(response.headerValue("cache-control")).isEqualTo("no-store");
        assertThat(response.headerValue("referrer-policy")).isEqualTo("no-referrer");
        assertThat(response.headerValue("content-security-policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(reporter.locator("#signedInNotice").count()).isZero();
        assertThat(reporter.locator("[id='report:dangerHelp']").isVisible()).isFalse();
        reporter.check("[id='report:danger:0']");
        assertThat(reporter.locator("[id='report:dangerHelp']").isVisible())
                .as("help shows as soon as yes is chosen")
                .isTrue();
        assertThat(reporter.textContent("[id='report:dangerHelp']"))
                .contains("112")
                .contains("117")
                .contains("1366");
        Browser.screenshot(reporter, "report-danger-en-360");

        String code = Reporting.send(
                reporter, 1, 2, true, "Discord server 'year 9'", "Someone is threatening my friend. " + marker);
        assertThat(code).matches(Reporting.RECEIPT);
        assertThat(reporter.textContent("main")).contains("112");

        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(counsellor, "en");
        var firstRow = counsellor.locator(Reporting.INBOX + " tbody tr").first();
        assertThat(firstRow.getAttribute("class")).contains("row--urgent");
        assertThat(firstRow.textContent()).contains("Urgent");
        Reporting.openCase(counsellor, server, marker);
        assertThat(counsellor.locator("#urgentBadge").count()).isEqualTo(1);
        Browser.screenshot(counsellor, "counsellor-inbox-en-desktop");
    }

    @Test
    void badInputGetsAClearMessageAndKeepsWhatWasWritten() {
        Page reporter = browser.open("en", Browser.DESKTOP_WIDTH, Reporting.someClient());
        reporter.navigate(schoolLink);
        reporter.waitForNavigation(() -> reporter.click("[id='report:send']"));
        assertThat(reporter.textContent("[id='report']"))
                .contains("Please choose one.")
                .contains("Please write something here.");
        assertThat(reporter.locator("#receiptCode").count()).isZero();

        String pasted = "Look: data:image/png;base64,"
                + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
                        .repeat(4);
        String code = Reporting.send(reporter, 2, 5, false, "a link", pasted);
        assertThat(code).isNull();
        assertThat(Pages.messages(reporter)).contains("looks like a picture or file pasted as text");
        assertThat(reporter.inputValue("[id='report:description']"))
                .as("nothing the reporter wrote is lost")
                .isEqualTo(pasted);
        assertThat(reporter.inputValue("[id='report:place']")).isEqualTo("a link");

        reporter.navigate(schoolLink.replace("?s=", "?s=nope"));
        assertThat(Pages.heading(reporter)).isEqualTo("Page not found");

        Page guesser = browser.open("en", Browser.DESKTOP_WIDTH, Reporting.someClient());
        guesser.navigate(schoolLink.replace("index.xhtml", "follow-up.xhtml"));
        guesser.fill("[id='followUp:code']", "ABCD-EFGH-JKLM-NPQR");
        guesser.waitForNavigation(() -> guesser.click("[id='followUp:open']"));
        assertThat(Pages.messages(guesser)).contains("does not open a report");
    }

    @Test
    void onlyTheSchoolsCounsellorsReachCases() {
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        String anyCase = counsellor.locator(Reporting.INBOX + " tbody a").count() > 0
                ? server.base()
                        .resolve(counsellor.getAttribute(Reporting.INBOX + " tbody a >> nth=0", "href"))
                        .toString()
                : server.uri("counsellor/case.xhtml?id=1").toString();
        assertThat(counsellor
                        .navigate(
                                server.uri("counsellor/case.xhtml?id=999999999").toString())
                        .status())
                .isEqualTo(404);
        for (String username : new String[] {"demo-teacher", "demo-student01", "demo-admin"}) {
            Page other = browser.open("en", Browser.DESKTOP_WIDTH);
            Pages.signIn(other, server, username, DodamServer.DEMO_PASSWORD);
            assertThat(other.navigate(anyCase).status())
                    .as(username + " opening a case")
                    .isEqualTo(404);
            assertThat(other.navigate(server.uri("counsellor/index.xhtml").toString())
                            .status())
                    .isEqualTo(404);
            other.context().close();
        }
        Page anonymous = browser.open("en", Browser.DESKTOP_WIDTH);
        anonymous.navigate(anyCase);
        assertThat(anonymous.url()).contains("login");
    }

    @Test
    void aCounsellorOfAnotherSchoolGetsNotFoundAndAnEmptyInbox() throws Exception {
        String marker = "other-school-" + UUID.randomUUID();
        Page reporter = browser.open("en", Browser.DESKTOP_WIDTH, Reporting.someClient());
        reporter.navigate(schoolLink);
        assertThat(Reporting.send(reporter, 1, 0, false, "", marker)).matches(Reporting.RECEIPT);
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        String caseUrl = Reporting.openCase(counsellor, server, marker);

        ServerDatabase.addSchool(jdbcUrl, "Far Hills School", "far-hills-reports", "far-admin-reports");
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "far-hills-reports", "far-admin-reports", DodamServer.DEMO_PASSWORD);
        Pages.addStaff(admin, "COUNSELLOR", "Far Counsellor", "far-counsellor", null, "quiet river listens well");
        admin.waitForNavigation(() -> admin.click("#reportsLink"));
        assertThat(admin.textContent("#statTotal").strip())
                .as("another school's statistics count none of ours")
                .isEqualTo("0");

        Page far = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(far, server, "far-hills-reports", "far-counsellor", "quiet river listens well");
        assertThat(far.locator(Reporting.INBOX).count())
                .as("no other school's cases in the inbox")
                .isZero();
        assertThat(far.textContent("#reportLink"))
                .as("a link of its own")
                .doesNotContain(schoolLink.substring(schoolLink.indexOf("?s=")));
        assertThat(far.navigate(caseUrl).status()).isEqualTo(404);
        assertThat(far.textContent("main")).doesNotContain(marker);
    }
}
