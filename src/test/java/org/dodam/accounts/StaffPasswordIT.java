package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.dodam.testing.ShowPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff change their own password: from the header's link, by keyboard, with JavaScript off; the current
 * password is asked for, the new one judged and typed twice, each refusal said on its field; afterwards the old
 * password and every other session stop working. Each of its three passwords can be shown while typing, by keyboard.
 * The page in Korean has no serious accessibility problem, and each staff folder has it while students get 404.
 */
class StaffPasswordIT {

    static final String GIVEN = "copper kites over the bay";
    static final String FIRST = "harbour lanterns glow quietly";
    static final String SECOND = "orchard kettle drifts upward";

    /** Exact labels: the field's show-password button is named after the field ("Show: Current password"). */
    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    static DodamServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DodamServer.embedded();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void aTeacherChangesTheirPasswordWithTheKeyboardAndScriptsOff() {
        String username = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        addTeacher(username);
        Page elsewhere = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(elsewhere, server, username, FIRST);
        assertThat(elsewhere.url()).contains("/teacher/index.xhtml");

        Page page = browser.openWithoutScripts("en", Browser.PHONE_WIDTH, Map.of());
        Pages.signIn(page, server, username, FIRST);
        Pages.useLanguage(page, "en"); // a new account starts in Korean
        page.focus("#changePassword");
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        assertThat(page.url()).contains("/teacher/password.xhtml");
        assertThat(Pages.heading(page)).isEqualTo("Change your password");
        assertThat(page.getByLabel("Current password", EXACT).count()).isEqualTo(1);
        assertThat(page.getByLabel("New password", EXACT).getAttribute("autocomplete"))
                .isEqualTo("new-password");

        submit(page, "not-my-password-at-all", SECOND, SECOND);
        assertThat(page.textContent("[id='change:current-error']")).contains("This is not your current password");
        assertThat(page.getAttribute("[id='change:current']", "aria-invalid")).isEqualTo("true");
        assertThat(page.getAttribute("[id='change:current']", "aria-describedby"))
                .contains("change:current-error");

        submit(page, FIRST, "password123", "password123");
        assertThat(page.textContent("[id='change:password-error']")).contains("too easy to guess");

        submit(page, FIRST, SECOND, SECOND + "x");
        assertThat(page.textContent("[id='change:repeat-error']")).contains("not the same");

        submit(page, FIRST, FIRST, FIRST);
        assertThat(page.textContent("[id='change:password-error']")).contains("the password you use now");

        submit(page, FIRST, SECOND, SECOND);
        assertThat(page.url()).contains("/teacher/index.xhtml");
        assertThat(Pages.messages(page)).contains("Your password is changed");
        Browser.screenshot(page, "staff-password-changed-no-script-360");
        page.navigate(server.uri("teacher/curriculum.xhtml").toString());
        assertThat(page.url()).as("this session carries on").contains("/teacher/curriculum.xhtml");

        assertThat(elsewhere
                        .navigate(server.uri("teacher/curriculum.xhtml").toString())
                        .status())
                .as("the other session, begun with the old password, opens nothing")
                .isEqualTo(404);
        elsewhere.navigate(server.uri("teacher/index.xhtml").toString());
        assertThat(elsewhere.url()).as("and has ended").contains("/login.xhtml");
        Pages.signIn(elsewhere, server, username, FIRST);
        assertThat(elsewhere.url()).as("the old password no longer works").contains("/login.xhtml");
        Pages.signIn(elsewhere, server, username, SECOND);
        assertThat(elsewhere.url()).contains("/teacher/index.xhtml");
        page.context().close();
        elsewhere.context().close();
    }

    /**
     * Each password of the form has a show-password button named after its field; the new one, shown with the
     * keyboard, is still sent from a masked field and becomes the password. Nothing is refused by the
     * Content-Security-Policy, and axe finds no serious problem with a password shown.
     */
    @Test
    void aTeacherShowsTheNewPasswordWhileTypingItAndItIsSentMasked() {
        String username = "pw-show-" + UUID.randomUUID().toString().substring(0, 8);
        addTeacher(username);
        Page page = browser.open("en", Browser.PHONE_WIDTH);
        List<String> violations = Browser.policyViolations(page);
        Pages.signIn(page, server, username, FIRST);
        Pages.useLanguage(page, "en"); // a new account starts in Korean
        page.navigate(server.uri("teacher/password.xhtml").toString());
        assertThat(Pages.heading(page)).isEqualTo("Change your password");
        for (String field : new String[] {"Current password", "New password", "Type it again"}) {
            assertThat(ShowPassword.button(page, "Show: " + field).count())
                    .as(field)
                    .isEqualTo(1);
        }
        page.fill("[id='change:current']", FIRST);
        page.fill("[id='change:password']", SECOND);
        page.fill("[id='change:repeat']", SECOND);
        ShowPassword.toggleWithKeyboard(page, "change:password", "Show: New password", "Show");
        assertThat(page.getAttribute("[id='change:current']", "type"))
                .as("the other fields stay masked")
                .isEqualTo("password");
        assertThat(page.getAttribute("[id='change:repeat']", "type")).isEqualTo("password");
        ShowPassword.button(page, "Show: Type it again").click();
        assertThat(page.getAttribute("[id='change:repeat']", "type")).isEqualTo("text");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        Browser.screenshot(page, "staff-password-shown-360");
        ShowPassword.recordTypesOnSubmit(page, "change");
        page.waitForNavigation(() -> page.click("[id='change:save']"));
        assertThat(Pages.messages(page)).contains("Your password is changed");
        assertThat(ShowPassword.typesOnSubmit(page))
                .as("every password was sent from a masked field")
                .isEqualTo("password password password");
        assertThat(violations).as("refused by the policy").isEmpty();
        page.context().close();

        Page again = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(again, server, username, SECOND);
        assertThat(again.url()).as("the password typed while shown works").contains("/teacher/index.xhtml");
        again.context().close();
    }

    @Test
    void everyStaffFolderHasThePageInKoreanAndStudentsDoNot() {
        String username = "pw-ko-" + UUID.randomUUID().toString().substring(0, 8);
        addTeacher(username);
        Page teacher = browser.open("ko", Browser.DESKTOP_WIDTH);
        Pages.signIn(teacher, server, username, FIRST);
        Pages.useLanguage(teacher, "ko");
        teacher.waitForNavigation(() -> teacher.click("#changePassword"));
        assertThat(teacher.url()).contains("/teacher/password.xhtml");
        assertThat(Pages.heading(teacher)).isEqualTo("비밀번호 바꾸기");
        assertThat(teacher.getByLabel("지금 비밀번호", EXACT).count()).isEqualTo(1);
        assertThat(Accessibility.seriousViolations(teacher)).isEmpty();
        submit(teacher, "틀린 비밀번호입니다", SECOND, SECOND);
        assertThat(teacher.textContent("[id='change:current-error']")).contains("지금 쓰는 비밀번호가 아니에요");
        assertThat(Accessibility.seriousViolations(teacher))
                .as("with an error on a field")
                .isEmpty();
        Browser.screenshot(teacher, "staff-password-ko");
        teacher.context().close();

        for (String[] staff : new String[][] {{"demo-admin", "admin"}, {"demo-counsellor", "counsellor"}}) {
            Page page = browser.open("en", Browser.PHONE_WIDTH);
            Pages.signIn(page, server, staff[0], DodamServer.DEMO_PASSWORD);
            assertThat(page.getAttribute("#changePassword", "href")).isEqualTo("/" + staff[1] + "/password.xhtml");
            page.navigate(server.uri(staff[1] + "/password.xhtml").toString());
            assertThat(Pages.heading(page)).isIn("Change your password", "비밀번호 바꾸기");
            assertThat(Accessibility.seriousViolations(page)).isEmpty();
            page.context().close();
        }

        Page student = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(student, server, "demo-student18", DodamServer.DEMO_PASSWORD);
        assertThat(student.locator("#changePassword").count())
                .as("no link for students")
                .isZero();
        for (String path :
                new String[] {"teacher/password.xhtml", "admin/password.xhtml", "counsellor/password.xhtml"}) {
            assertThat(student.navigate(server.uri(path).toString()).status())
                    .as(path)
                    .isEqualTo(404);
        }
        student.context().close();
    }

    /** The admin adds a teacher, who replaces the admin's start password with {@link #FIRST} at first sign-in. */
    private static void addTeacher(String username) {
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        admin.fill("[id='add:name']", "Password Teacher");
        admin.fill("[id='add:username']", username);
        admin.fill("[id='add:email']", username + "@school.example");
        admin.selectOption("[id='add:role']", new SelectOption().setValue("TEACHER"));
        admin.fill("[id='add:password']", GIVEN);
        admin.waitForNavigation(() -> admin.click("[id='add:submit']"));
        assertThat(Pages.messages(admin)).contains(username);
        admin.context().close();
        Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(teacher, server, username, GIVEN);
        assertThat(Pages.chooseOwnPassword(teacher, FIRST)).isTrue();
        teacher.context().close();
    }

    private static void submit(Page page, String current, String password, String repeat) {
        page.fill("[id='change:current']", current);
        page.fill("[id='change:password']", password);
        page.fill("[id='change:repeat']", repeat);
        page.waitForNavigation(() -> page.click("[id='change:save']"));
    }
}
