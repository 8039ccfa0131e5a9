package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Pages;
import org.dodam.testing.ReportForms;
import org.dodam.testing.Reporting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flood of reports at one school, from many clients behind the school's proxy: nobody is refused, new
 * forms there must stay open a minute, and the counsellors are told, in their next notice and in the inbox.
 */
class ReportFloodIT {

    static final int FLOOD = 4;

    static GreenMail mail;
    static DodamServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        mail = Mailbox.start();
        server = DodamServer.start("report-flood", Mailbox.environment(mail, Map.of(
                "DODAM_TRUSTED_PROXIES", "127.0.0.1",
                "DODAM_REPORTS_SCHOOL_FLOOD_PER_HOUR", String.valueOf(FLOOD),
                "DODAM_NOTIFY_URGENT_EVERY_SECONDS", "2",
                "DODAM_NOTIFY_EVERY_SECONDS", "4",
                "DODAM_NOTIFY_JITTER_SECONDS", "1")), true);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.stop();
        mail.stop();
    }

    @Test
    void aFloodSlowsEveryoneAMinuteRefusesNobodyAndIsToldToCounsellors() throws Exception {
        String link = Reporting.schoolLink(browser, server);
        for (int i = 0; i < FLOOD; i++) {
            assertThat(ReportForms.report(link, Map.of("X-Forwarded-For", "198.18.7." + (i + 1)), "junk " + i).body())
                    .as("every report until the flood is accepted").contains("id=\"receiptCode\"");
        }
        String waiting = ReportForms.report(link, Map.of("X-Forwarded-For", "198.18.7.99"), "a real report").body();
        assertThat(waiting).as("a new client during the flood waits a minute, and keeps its words")
                .contains("must stay open a little longer").contains("a real report").doesNotContain("id=\"receiptCode\"");

        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        long deadline = System.currentTimeMillis() + 30_000;
        String told = null;
        while (told == null && System.currentTimeMillis() < deadline) {
            told = Arrays.stream(mail.getReceivedMessages()).map(ReportFloodIT::body)
                    .filter(b -> b.contains("Unusually many reports came in on " + today) || b.contains(today + "에 평소보다 훨씬 많은 신고"))
                    .findFirst().orElse(null);
            Thread.sleep(500);
        }
        assertThat(told).as("the counsellors' next notice tells of the flood").isNotNull().doesNotContain("junk");

        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(counsellor, "en");
        assertThat(counsellor.textContent("#floodNotice")).contains(today).contains("nobody was refused");
        counsellor.context().close();
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            return "";
        }
    }
}
