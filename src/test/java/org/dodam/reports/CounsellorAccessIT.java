package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Pages;
import org.dodam.testing.Reporting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin-escalation test: a school admin alone cannot give anyone the reports. The admin proposes a
 * counsellor; until a counsellor of the school confirms it, that account gets 404 on the inbox and every case,
 * statistics and audit page; the admin's password reset and reactivation of a counsellor are refused; the real
 * counsellor sees the proposal on the home page, in an e-mail (a real SMTP server) and in the audit log; once
 * confirmed, the new counsellor signs in with the password the confirming counsellor was shown, not the one the
 * admin chose, and reaches the cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounsellorAccessIT {

    static GreenMail mail;
    static DodamServer server;
    static Browser browser;

    @BeforeAll
    void start() throws Exception {
        mail = mailbox();
        server = server();
        browser = new Browser();
    }

    /** The server the proof runs on: the reporting tests' embedded H2 server with the demo school. */
    /** Where that server's e-mail goes. */
    GreenMail mailbox() {
        return Mailbox.shared();
    }

    DodamServer server() throws Exception {
        return Reporting.server();
    }

    /** The name the school's administrator goes by on that server. */
    String adminName() {
        return "교감 김도담";
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void theAdminAloneCannotGiveAnyoneTheReports() throws Exception {
        String username = "proposed-" + UUID.randomUUID().toString().substring(0, 8);
        String adminsChoice = "chosen-by-the-admin-1";
        Reporting.counsellorReads(browser, server, "ko");

        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(admin, "en");
        Pages.addStaff(admin, "COUNSELLOR", "Proposed Counsellor", username, username + "@dodam.example", adminsChoice);
        assertThat(Pages.messages(admin)).contains("proposed").contains("must confirm");
        assertThat(staffRow(admin, username).textContent()).contains("Waiting for a counsellor to confirm");
        assertThat(Accessibility.seriousViolations(admin)).isEmpty();

        // Every active counsellor is told by e-mail, without anything from a report; the proposed account is not.
        MimeMessage proposal = awaitMail("counsellor@dodam.example", username);
        String body = (String) proposal.getContent();
        assertThat(proposal.getSubject()).isEqualTo("도담: 상담 교사 권한 변경");
        assertThat(body)
                .contains("상담 교사 계정 제안")
                .contains(adminName())
                .contains("https://dodam.school.example/counsellor/index.xhtml");
        assertThat(Arrays.stream(mail.getReceivedMessages()).flatMap(CounsellorAccessIT::recipients))
                .as("a proposed counsellor is told nothing of the school's reports")
                .doesNotContain(username + "@dodam.example");

        // Before confirmation: the waiting page, and 404 for the inbox and every case, statistics and audit page.
        Page reporter = browser.open("en", Browser.PHONE_WIDTH, Reporting.someClient());
        reporter.navigate(Reporting.schoolLink(browser, server));
        assertThat(Reporting.send(reporter, 1, 0, false, "", "a case the proposed counsellor must not open"))
                .matches(Reporting.RECEIPT);
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(counsellor, "en");
        List<String> caseUrls = caseUrls(counsellor);
        assertThat(caseUrls).as("the school has cases to try").isNotEmpty();
        Page proposed = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(proposed, server, username, adminsChoice);
        assertThat(proposed.url()).contains("/counsellor/awaiting.xhtml");
        assertThat(Pages.heading(proposed)).isEqualTo("Waiting for confirmation");
        assertThat(proposed.textContent("main")).contains("cannot open reports");
        assertThat(Accessibility.seriousViolations(proposed)).isEmpty();
        Browser.screenshot(proposed, "counsellor-awaiting-en-360");
        List<String> restricted = new ArrayList<>(caseUrls);
        restricted.addAll(List.of(
                "counsellor/index.xhtml",
                "counsellor/",
                "counsellor/statistics.xhtml",
                "counsellor/audit.xhtml",
                "counsellor/curriculum.xhtml",
                "counsellor/case.xhtml?id=1"));
        for (String url : restricted) {
            var response = proposed.navigate(server.base().resolve(url).toString());
            assertThat(response.status())
                    .as("a proposed counsellor opening " + url)
                    .isEqualTo(404);
            assertThat(proposed.locator("#caseDescription, " + Reporting.INBOX + ", " + Reporting.AUDIT)
                            .count())
                    .isZero();
        }

        // The admin's password reset and reactivation of a counsellor are refused on the server, with a reason.
        admin.navigate(server.uri("admin/index.xhtml").toString());
        admin.waitForNavigation(() -> staffRow(admin, "demo-counsellor")
                .locator("input[value='Reset password']")
                .click());
        assertThat(Pages.messages(admin)).contains("Only a counsellor of your school");
        assertThat(admin.locator("#reset").count()).as("no password is shown").isZero();
        admin.waitForNavigation(() -> staffRow(admin, username)
                .locator("input[value='Reset password']")
                .click());
        assertThat(Pages.messages(admin)).contains("Only a counsellor of your school");
        admin.waitForNavigation(() ->
                staffRow(admin, username).locator("input[value='Suspend']").click());
        assertThat(staffRow(admin, username).textContent()).contains("Suspended");
        admin.waitForNavigation(() ->
                staffRow(admin, username).locator("input[value='Reactivate']").click());
        assertThat(Pages.messages(admin)).contains("Only a counsellor of your school");
        assertThat(staffRow(admin, username).textContent())
                .as("still suspended")
                .contains("Suspended");
        Browser.screenshot(admin, "admin-counsellor-refused-en-desktop");

        // The real counsellor sees it all on the home page and in the audit log, reactivates and confirms.
        counsellor.navigate(server.uri("counsellor/index.xhtml").toString());
        assertThat(counsellor.textContent("#accessList"))
                .contains("Proposed a counsellor account · " + username)
                .contains("Suspended a counsellor account · " + username)
                .contains(adminName());
        assertThat(teamRow(counsellor, username)
                        .locator("input[value='Confirm']")
                        .count())
                .as("a suspended account is reactivated before it is confirmed")
                .isZero();
        counsellor.waitForNavigation(() -> teamRow(counsellor, username)
                .locator("input[value='Reactivate']")
                .click());
        assertThat(Pages.messages(counsellor)).contains("can sign in again");
        assertThat(Accessibility.seriousViolations(counsellor)).isEmpty();
        counsellor.waitForNavigation(() -> counsellor.click("#auditLink"));
        assertThat(counsellor.textContent(Reporting.AUDIT))
                .contains("Proposed a counsellor account · " + username)
                .contains("Suspended a counsellor account · " + username)
                .contains("Reactivated a counsellor account · " + username);
        assertThat(Accessibility.seriousViolations(counsellor)).isEmpty();
        Browser.screenshot(counsellor, "counsellor-audit-en-desktop");

        counsellor.navigate(server.uri("counsellor/index.xhtml").toString());
        counsellor.waitForNavigation(() ->
                teamRow(counsellor, username).locator("input[value='Confirm']").click());
        assertThat(Pages.messages(counsellor)).contains("is confirmed");
        String newPassword = counsellor.textContent("#teamTemporaryPassword").strip();
        assertThat(newPassword).isNotBlank().isNotEqualTo(adminsChoice);
        assertThat(teamRow(counsellor, username).textContent()).contains("Active");
        assertThat(counsellor.textContent("#accessList")).contains("Confirmed a counsellor account · " + username);
        Browser.screenshot(counsellor, "counsellor-confirmed-en-desktop");
        assertThat((String) awaitMail("counsellor@dodam.example", "Confirmed a counsellor account", "상담 교사 계정 승인")
                        .getContent())
                .contains(username);

        // The session begun with the admin's password ends, and that password no longer signs in.
        assertThat(proposed.navigate(server.uri("counsellor/index.xhtml").toString())
                        .status())
                .isEqualTo(404);
        proposed.navigate(server.uri("counsellor/index.xhtml").toString());
        assertThat(proposed.url()).as("signed out").contains("login");
        Page withAdminsChoice = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(withAdminsChoice, server, username, adminsChoice);
        assertThat(withAdminsChoice.url()).contains("login");

        // The password the confirming counsellor handed over is a start password: the new counsellor chooses their own
        // before any case, or anything else, opens.
        Page confirmed = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(confirmed, server, username, newPassword);
        assertThat(confirmed.url()).contains("/counsellor/password.xhtml");
        assertThat(confirmed.navigate(caseUrls.get(0)).url()).contains("/counsellor/password.xhtml");
        assertThat(confirmed.locator("#caseDescription").count()).isZero();
        String own = "quiet harbour counsel " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(Pages.chooseOwnPassword(confirmed, own)).isTrue();
        assertThat(confirmed.url()).contains("/counsellor/index.xhtml");
        assertThat((String) awaitMail(username + "@dodam.example", "was changed just now", "비밀번호가 방금 바뀌었습니다")
                        .getContent())
                .as("choosing it is told by e-mail like any change of one's own")
                .contains(username)
                .doesNotContain(own)
                .doesNotContain(newPassword);
        assertThat(confirmed.locator(Reporting.INBOX).count()).isEqualTo(1);
        var caseResponse = confirmed.navigate(caseUrls.get(0));
        assertThat(caseResponse.status()).isEqualTo(200);
        assertThat(confirmed.locator("#caseDescription").count()).isEqualTo(1);
        Browser.screenshot(confirmed, "counsellor-after-confirmation-en-360");

        // A counsellor, not the admin, resets a colleague's password; the colleague's open session ends.
        counsellor.navigate(server.uri("counsellor/index.xhtml").toString());
        counsellor.waitForNavigation(() -> teamRow(counsellor, username)
                .locator("input[value='Reset password']")
                .click());
        String resetPassword = counsellor.textContent("#teamTemporaryPassword").strip();
        assertThat(resetPassword).isNotEqualTo(newPassword).isNotEqualTo(own);
        assertThat(counsellor.textContent("#accessList")).contains("Reset a counsellor password · " + username);
        assertThat(confirmed.navigate(caseUrls.get(0)).status()).isEqualTo(404);
        assertThat((String) awaitMail(username + "@dodam.example", "new start password", "새 시작 비밀번호")
                        .getContent())
                .as("the colleague is told, without the password")
                .contains(username)
                .doesNotContain(resetPassword);
        Pages.signIn(confirmed, server, username, resetPassword);
        assertThat(confirmed.url()).as("a reset is a start password too").contains("/counsellor/password.xhtml");
        String ownAgain =
                "steady lantern counsel " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(Pages.chooseOwnPassword(confirmed, ownAgain)).isTrue();
        assertThat(confirmed.navigate(caseUrls.get(0)).status()).isEqualTo(200);

        // Changing one's own password is told by e-mail too (ASVS 2.2.3), in the account's language.
        confirmed.navigate(server.uri("counsellor/password.xhtml").toString());
        String chosen =
                "lantern harbour quietly " + UUID.randomUUID().toString().substring(0, 6);
        confirmed.fill("[id='change:current']", ownAgain);
        confirmed.fill("[id='change:password']", chosen);
        confirmed.fill("[id='change:repeat']", chosen);
        confirmed.waitForNavigation(() -> confirmed.click("[id='change:save']"));
        MimeMessage changed = awaitMail(username + "@dodam.example", "was changed just now", "비밀번호가 방금 바뀌었습니다");
        assertThat(changed.getSubject()).isIn("Your Dodam password was changed", "도담 비밀번호가 바뀌었습니다");
        assertThat((String) changed.getContent())
                .contains(username)
                .contains("https://dodam.school.example/login.xhtml?school=")
                .doesNotContain(chosen)
                .doesNotContain(resetPassword);
    }

    private static Locator staffRow(Page admin, String username) {
        return admin.locator("[id='staffList'] tbody tr").filter(new Locator.FilterOptions().setHasText(username));
    }

    private static Locator teamRow(Page counsellor, String username) {
        return counsellor.locator("#teamTable tbody tr").filter(new Locator.FilterOptions().setHasText(username));
    }

    private static List<String> caseUrls(Page counsellor) {
        var links = counsellor.locator(Reporting.INBOX + " tbody a");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < links.count(); i++) {
            urls.add(server.base().resolve(links.nth(i).getAttribute("href")).toString());
        }
        return urls;
    }

    /** The first message to this address whose text holds one of the words, waiting up to 20 seconds for it. */
    private static MimeMessage awaitMail(String to, String... words) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (recipients(message).anyMatch(to::equals)
                        && message.getContent() instanceof String text
                        && Arrays.stream(words).anyMatch(text::contains)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + to + " with " + Arrays.toString(words));
    }

    private static java.util.stream.Stream<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
