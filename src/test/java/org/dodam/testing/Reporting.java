package org.dodam.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reporting tests' shared server and their steps: finding a school's report link, filling in the report form,
 * opening a case, speaking as a client of its own, waiting for earlier notices to go out.
 */
public final class Reporting {

    /** The counsellor's inbox table (a PrimeFaces data table in the form inboxForm). */
    public static final String INBOX = "[id='inboxForm:inboxTable']";

    /** The school's audit log table (a PrimeFaces data table in the form auditForm), for its admin and its counsellors. */
    public static final String AUDIT = "[id='auditForm:auditTable']";

    public static final Pattern RECEIPT =
            Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

    /** Counsellors are told at every urgent slot of this many seconds (regular slots: twice as long)... */
    public static final long URGENT_SLOT_SECONDS = 8;
    /** ...plus a random delay of up to this many seconds. */
    public static final long JITTER_SECONDS = 2;
    /** Reports one client may send to a school in an hour before its forms must wait. */
    public static final int REPORTS_PER_CLIENT = 3;

    private static int clients;

    private Reporting() {}

    /**
     * The server of the reporting tests, shared by them for the whole run: set up as behind the school's HTTPS
     * proxy (127.0.0.1 trusted, a public https address), e-mailing {@link Mailbox#shared()} at fixed slots, with
     * {@link #REPORTS_PER_CLIENT} reports per client an hour and no school flood (a flood has its own server), and
     * its database open beside it. Each test speaks as a client of its own ({@link #someClient()}), so no test's
     * reports count against another's.
     */
    public static DodamServer server() {
        return DodamServer.shared(
                "reporting",
                environment(Mailbox.shared(), Map.of("DODAM_DB_URL", DodamServer.openBeside("reporting"))));
    }

    private static DodamServer onPostgres;
    private static GreenMail mailOnPostgres;

    /**
     * The mailbox of {@link #serverOnPostgres()}: its own, since both servers' counsellors have the same address
     * and a late notice from one server must not be taken for the other's.
     */
    public static synchronized GreenMail mailOnPostgres() {
        if (mailOnPostgres == null) {
            mailOnPostgres = Mailbox.start();
        }
        return mailOnPostgres;
    }

    /**
     * The same server on a PostgreSQL database of its own, whose set-up gives the school the demo's staff names
     * ({@link Postgres#schoolLikeTheDemo}), for the reporting proofs on PostgreSQL; shared by them for the run.
     */
    public static synchronized DodamServer serverOnPostgres() throws SQLException {
        if (onPostgres == null) {
            onPostgres = Postgres.chooseTheDemoPasswords(DodamServer.shared(
                    "reporting-pg", environment(mailOnPostgres(), Postgres.schoolLikeTheDemo("dodam_it_reporting"))));
        }
        return onPostgres;
    }

    private static Map<String, String> environment(GreenMail mail, Map<String, String> database) {
        Map<String, String> environment = new java.util.HashMap<>(database);
        environment.putAll(Map.of(
                "DODAM_TRUSTED_PROXIES",
                "127.0.0.1",
                "DODAM_PUBLIC_URL",
                "https://dodam.school.example/",
                "DODAM_SMTP_FROM",
                "dodam@school.example",
                "DODAM_REPORTS_MAX_PER_HOUR",
                String.valueOf(REPORTS_PER_CLIENT),
                "DODAM_REPORTS_SCHOOL_FLOOD_PER_HOUR",
                "1000",
                "DODAM_NOTIFY_URGENT_EVERY_SECONDS",
                String.valueOf(URGENT_SLOT_SECONDS),
                "DODAM_NOTIFY_EVERY_SECONDS",
                String.valueOf(URGENT_SLOT_SECONDS * 2),
                "DODAM_NOTIFY_JITTER_SECONDS",
                String.valueOf(JITTER_SECONDS)));
        return Mailbox.environment(mail, environment);
    }

    /**
     * Makes the demo counsellor's language, the one their e-mails are written in, this one: a test that reads those
     * e-mails cannot rely on it, since any test on the shared server may have switched the counsellor's pages.
     */
    public static void counsellorReads(Browser browser, DodamServer server, String language) {
        Page counsellor = browser.open(language, Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(counsellor, language);
        counsellor.context().close();
    }

    /** A client of its own behind the trusted proxy, never given to another test of this run. */
    public static synchronized Map<String, String> someClient() {
        clients++;
        return Map.of("X-Forwarded-For", "198.18." + (clients / 250) + "." + (1 + clients % 250));
    }

    /**
     * Waits until every notice owed to counsellors has gone out, so that the next e-mail is about what the caller
     * does next; returns the mailbox's messages then, to tell later ones by ({@link #since}).
     */
    public static Set<String> afterPendingNotices(DodamServer server, GreenMail mail)
            throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (ServerDatabase.count(
                        server.databaseUrl(),
                        "select count(*) from report_channel"
                                + " where pending_new + pending_urgent + pending_answers > 0 or flood_untold")
                > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("earlier notices did not go out within a minute");
            }
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
        return ids(List.of(mail.getReceivedMessages()));
    }

    /**
     * The messages that arrived after {@code seen}. Told by their Message-ID, not by position: the mailbox lists
     * messages recipient by recipient, so a new message to one counsellor can stand before an old one to another.
     */
    public static List<MimeMessage> since(GreenMail mail, Set<String> seen) {
        return Stream.of(mail.getReceivedMessages())
                .filter(m -> !seen.contains(id(m)))
                .toList();
    }

    /** The first message to this address after {@code seen}, waiting up to a minute (a loaded machine sends late). */
    public static MimeMessage awaitSince(GreenMail mail, Set<String> seen, String to) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : since(mail, seen)) {
                if (recipients(message).contains(to)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + to + " within a minute");
    }

    private static Set<String> ids(List<MimeMessage> messages) {
        return messages.stream().map(Reporting::id).collect(Collectors.toSet());
    }

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Stream.of(message.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo school's public report link, as its counsellor's home page shows it. */
    public static String schoolLink(Browser browser, DodamServer server) {
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        String link = counsellor.textContent("#reportLink").strip();
        counsellor.context().close();
        return link;
    }

    /**
     * Fills in and sends the report form on the open report page; returns the receipt code, or null when
     * the page showed none. Choices are given by position: role 0 = targeted, category 0 = deepfake.
     */
    public static String send(Page page, int role, int category, boolean danger, String place, String description) {
        fill(page, role, category, danger, place, description);
        return submit(page);
    }

    /** Fills the report form without sending it. */
    public static void fill(Page page, int role, int category, boolean danger, String place, String description) {
        page.check("[id='report:role:" + role + "']");
        page.check("[id='report:category:" + category + "']");
        page.check("[id='report:danger:" + (danger ? 0 : 1) + "']");
        page.fill("[id='report:place']", place);
        page.fill("[id='report:description']", description);
    }

    /** Sends a filled report form; returns the receipt code, or null when none was shown. */
    public static String submit(Page page) {
        page.waitForNavigation(() -> page.click("[id='report:send']"));
        if (page.locator("#receiptCode").count() == 0) {
            Browser.screenshot(page, "report-not-sent-" + System.nanoTime());
            return null;
        }
        return page.textContent("#receiptCode").strip();
    }

    /**
     * Opens, as a signed-in counsellor, the open case whose description holds the marker; returns its URL. The
     * inbox shows a page at a time, so it reads page after page (the address's {@code page}) until the last.
     */
    public static String openCase(Page counsellor, DodamServer server, String marker) {
        java.util.List<String> previous = java.util.List.of();
        for (int page = 1; ; page++) {
            counsellor.navigate(
                    server.uri("counsellor/index.xhtml?page=" + page).toString());
            var links = counsellor.locator(INBOX + " tbody a");
            java.util.List<String> hrefs = new java.util.ArrayList<>();
            for (int i = 0; i < links.count(); i++) {
                hrefs.add(links.nth(i).getAttribute("href"));
            }
            if (hrefs.isEmpty() || hrefs.equals(previous)) { // past the last page, the inbox shows the last again
                break;
            }
            for (String href : hrefs) {
                counsellor.navigate(server.base().resolve(href).toString());
                if (counsellor.textContent("#caseDescription").contains(marker)) {
                    return counsellor.url();
                }
            }
            previous = hrefs;
        }
        throw new AssertionError("No case in the inbox holds " + marker);
    }
}
