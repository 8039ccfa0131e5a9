package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ASVS 2.3.1 for staff: a password the school admin set (adding a teacher, resetting one) is only a start password.
 * At sign-in the teacher lands on the page where they choose their own, and no other page of theirs opens until
 * they have (a page asked for directly leads back there); a weak password, one that does not match and the given
 * one are refused with a reason on the page; a good one leads home, and the given password stops working. The
 * form needs no script, in Korean too.
 */
class StaffStartPasswordIT {

    static final String GIVEN = "harbour lanterns glow quietly";
    static final String OWN = "orchard kettle drifts upward";
    static final String AFTER_RESET = "violet ferry hums at dawn";

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
    void aTeacherTheAdminAddsChoosesTheirOwnPasswordBeforeAnythingElse() {
        String username = "start-" + UUID.randomUUID().toString().substring(0, 8);
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(admin, "en");
        Pages.addStaff(admin, "TEACHER", "Start Teacher", username, username + "@school.example", GIVEN);
        assertThat(Pages.messages(admin)).contains(username);

        Page teacher = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(teacher, server, username, GIVEN);
        assertThat(teacher.url()).as("the admin's password opens one page").contains("/teacher/password.xhtml");
        Pages.useLanguage(teacher, "en"); // a new account starts in the admin's language
        assertThat(Pages.heading(teacher)).isEqualTo("Choose your own password");
        assertThat(teacher.textContent("main")).contains("Someone else set your password");
        assertThat(teacher.getByLabel("Current password", new Page.GetByLabelOptions().setExact(true))
                        .count())
                .as("this session was begun with it")
                .isZero();
        assertThat(teacher.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                        .getAttribute("autocomplete"))
                .isEqualTo("new-password");
        assertThat(Accessibility.seriousViolations(teacher)).isEmpty();

        for (String path : new String[] {
            "teacher/index.xhtml", "teacher/curriculum.xhtml", "teacher/dashboard.xhtml", "teacher/sign-in-slips"
        }) {
            teacher.navigate(server.uri(path).toString());
            assertThat(teacher.url()).as(path).contains("/teacher/password.xhtml");
            assertThat(Pages.heading(teacher)).as(path).isEqualTo("Choose your own password");
        }

        choose(teacher, "password123", "password123");
        assertThat(teacher.textContent("[id='choose:password-error']")).contains("too easy to guess");
        assertThat(teacher.getAttribute("[id='choose:password']", "aria-invalid"))
                .isEqualTo("true");
        assertThat(Accessibility.seriousViolations(teacher))
                .as("with an error on a field")
                .isEmpty();
        choose(teacher, OWN, OWN + "x");
        assertThat(teacher.textContent("[id='choose:repeat-error']")).contains("not the same");
        choose(teacher, GIVEN, GIVEN);
        assertThat(Pages.messages(teacher)).contains("This is the password you were given");
        teacher.navigate(server.uri("teacher/index.xhtml").toString());
        assertThat(teacher.url()).as("still nothing else").contains("/teacher/password.xhtml");

        choose(teacher, OWN, OWN);
        assertThat(teacher.url()).contains("/teacher/index.xhtml");
        assertThat(Pages.messages(teacher)).contains("Your password is saved");
        teacher.navigate(server.uri("teacher/curriculum.xhtml").toString());
        assertThat(teacher.url()).as("every page opens now").contains("/teacher/curriculum.xhtml");
        teacher.navigate(server.uri("teacher/password.xhtml").toString());
        assertThat(Pages.heading(teacher))
                .as("the page is the change page again")
                .isEqualTo("Change your password");
        Browser.screenshot(teacher, "staff-start-password-chosen-en-360");

        Page later = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(later, server, username, GIVEN);
        assertThat(later.url()).as("the admin's password no longer works").contains("/login.xhtml");
        Pages.signIn(later, server, username, OWN);
        assertThat(later.url()).as("straight home").contains("/teacher/index.xhtml");
        later.context().close();

        // A reset by the admin is a start password again: the open session ends, and the next one must choose.
        admin.navigate(server.uri("admin/index.xhtml").toString());
        admin.waitForNavigation(() -> staffRow(admin, username)
                .locator("input[value='Reset password']")
                .click());
        String reset = admin.textContent("#reset .code").strip();
        assertThat(reset).isNotBlank();
        assertThat(teacher.navigate(server.uri("teacher/curriculum.xhtml").toString())
                        .status())
                .as("the session begun with the teacher's own password opens nothing")
                .isEqualTo(404);
        teacher.navigate(server.uri("teacher/index.xhtml").toString());
        assertThat(teacher.url()).as("and has ended").contains("/login.xhtml");
        Pages.signIn(teacher, server, username, reset);
        assertThat(teacher.url()).contains("/teacher/password.xhtml");
        assertThat(Pages.chooseOwnPassword(teacher, AFTER_RESET)).isTrue();
        assertThat(teacher.url()).contains("/teacher/index.xhtml");
        teacher.context().close();
        admin.context().close();
    }

    @Test
    void theChooseFormWorksWithoutScriptsInKorean() {
        String username = "start-ko-" + UUID.randomUUID().toString().substring(0, 8);
        Page admin = browser.open("ko", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.addStaff(admin, "TEACHER", "시작 선생님", username, null, GIVEN);
        assertThat(Pages.messages(admin)).contains(username);
        admin.context().close();

        Page teacher = browser.openWithoutScripts("ko", Browser.PHONE_WIDTH, Map.of());
        Pages.signIn(teacher, server, username, GIVEN);
        Pages.useLanguage(teacher, "ko");
        teacher.navigate(server.uri("teacher/index.xhtml").toString());
        assertThat(teacher.url()).contains("/teacher/password.xhtml");
        assertThat(Pages.heading(teacher)).isEqualTo("나만의 비밀번호 정하기");
        assertThat(teacher.textContent("main")).contains("다른 사람").contains("정하기 전에는 다른 페이지가 열리지 않아요");
        // (No accessibility scan here: it runs a script, and this page has none. The English test scans the page.)

        teacher.focus("[id='choose:password']");
        teacher.keyboard().type("qwerty123");
        teacher.keyboard().press("Tab");
        teacher.keyboard().type("qwerty123");
        teacher.waitForNavigation(() -> teacher.keyboard().press("Enter"));
        assertThat(teacher.textContent("[id='choose:password-error']")).contains("너무 쉽게");
        assertThat(teacher.url()).contains("/teacher/password.xhtml");

        choose(teacher, OWN, OWN);
        assertThat(teacher.url()).contains("/teacher/index.xhtml");
        assertThat(Pages.messages(teacher)).contains("비밀번호를 저장했어요");
        Browser.screenshot(teacher, "staff-start-password-no-script-ko-360");
        teacher.context().close();
    }

    private static void choose(Page page, String password, String repeat) {
        page.fill("[id='choose:password']", password);
        page.fill("[id='choose:repeat']", repeat);
        page.waitForNavigation(() -> page.click("[id='choose:save']"));
    }

    private static Locator staffRow(Page admin, String username) {
        return admin.locator("[id='staffList'] tbody tr").filter(new Locator.FilterOptions().setHasText(username));
    }
}
