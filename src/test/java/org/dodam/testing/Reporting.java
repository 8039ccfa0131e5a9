package org.dodam.testing;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** Steps of the reporting tests: finding a school's report link, filling in the report form, opening a case. */
public final class Reporting {

    public static final Pattern RECEIPT = Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

    private Reporting() {
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

    /** Opens, as a signed-in counsellor, the case whose description holds the marker; returns its URL. */
    public static String openCase(Page counsellor, DodamServer server, String marker) {
        counsellor.navigate(server.uri("counsellor/index.xhtml").toString());
        var links = counsellor.locator("#inboxTable tbody a");
        int count = links.count();
        java.util.List<String> hrefs = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            hrefs.add(links.nth(i).getAttribute("href"));
        }
        for (String href : hrefs) {
            counsellor.navigate(server.base().resolve(href).toString());
            if (counsellor.textContent("#caseDescription").contains(marker)) {
                return counsellor.url();
            }
        }
        throw new AssertionError("No case in the inbox holds " + marker);
    }
}
