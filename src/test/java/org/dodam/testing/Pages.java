package org.dodam.testing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/** Small steps that many browser tests share: signing in, reading the main heading. */
public final class Pages {

    private Pages() {
    }

    public static Response signIn(Page page, DodamServer server, String username, String password) {
        page.navigate(server.uri("login.xhtml").toString());
        page.fill("[id='signin:username']", username);
        page.fill("[id='signin:password']", password);
        return page.waitForNavigation(() -> page.click("[id='signin:submit']"));
    }

    /**
     * On the page where a student whose password a teacher set must choose their own, chooses {@code password}
     * and returns true; on any other page does nothing and returns false.
     */
    public static boolean chooseOwnPassword(Page page, String password) {
        if (!page.url().contains("/student/password.xhtml")) {
            return false;
        }
        page.fill("[id='choose:password']", password);
        page.fill("[id='choose:repeat']", password);
        page.waitForNavigation(() -> page.click("[id='choose:save']"));
        return true;
    }

    /** Switches the signed-in person's language unless the page is already in it. */
    public static void useLanguage(Page page, String language) {
        if (!language.equals(page.getAttribute("html", "lang"))) {
            page.waitForNavigation(() -> page.click("[id='language:" + language + "']"));
        }
    }

    public static String heading(Page page) {
        return page.textContent("h1").strip();
    }

    public static String messages(Page page) {
        return page.locator("#messages").innerText();
    }
}
