package org.dodam.testing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;

/** Small steps that many browser tests share: signing in, adding a member of staff, reading the main heading. */
public final class Pages {

    private Pages() {}

    public static Response signIn(Page page, DodamServer server, String username, String password) {
        return signIn(page, server, DodamServer.SCHOOL, username, password);
    }

    /** Signs in at the school's own sign-in address, which fills in its code where the form asks for one. */
    public static Response signIn(Page page, DodamServer server, String school, String username, String password) {
        page.navigate(server.uri("login.xhtml?school=" + school).toString());
        page.fill("[id='signin:username']", username);
        page.fill("[id='signin:password']", password);
        return page.waitForNavigation(() -> page.click("[id='signin:submit']"));
    }

    /** On a sign-in form reached some other way (sent there from a page), types the school's code if it is asked for. */
    public static void schoolIfAsked(Page page) {
        if (page.locator("[id='signin:school']").count() > 0) {
            page.fill("[id='signin:school']", DodamServer.SCHOOL);
        }
    }

    /**
     * On the school admin's home page, fills in the form that adds a member of staff and sends it; the page then
     * shows the outcome (a message, or the field that was refused). {@code role} is the role's name as the form
     * sends it ({@code TEACHER} or {@code COUNSELLOR}: a counsellor is only proposed); {@code email} may be null.
     */
    public static void addStaff(Page admin, String role, String name, String username, String email, String password) {
        admin.fill("[id='add:name']", name);
        admin.fill("[id='add:username']", username);
        if (email != null) {
            admin.fill("[id='add:email']", email);
        }
        admin.selectOption("[id='add:role']", new SelectOption().setValue(role));
        admin.fill("[id='add:password']", password);
        admin.waitForNavigation(() -> admin.click("[id='add:submit']"));
    }

    /**
     * On the page where someone whose password another person set must choose their own (a student's page, or a
     * staff folder's password page showing the choose form), chooses {@code password} and returns true; on any
     * other page does nothing and returns false.
     */
    public static boolean chooseOwnPassword(Page page, String password) {
        if (!page.url().contains("/password.xhtml")
                || page.locator("[id='choose:save']").count() == 0) {
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
