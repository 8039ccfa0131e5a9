package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.FormSignIn;
import org.dodam.testing.Pages;
import org.dodam.testing.ServerDatabase;
import org.dodam.testing.ShowPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signing in, role homes, 404 for other roles' folders, throttling, language, showing the typed password and
 * signing out, in Chromium.
 */
class SignInIT {

    static DodamServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DodamServer.embedded();
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @ParameterizedTest
    @CsvSource({
        "demo-admin, /admin/index.xhtml, 학교 관리",
        "demo-teacher, /teacher/index.xhtml, 나의 학급",
        "demo-counsellor, /counsellor/index.xhtml, 상담 교사",
        "demo-student01, /student/index.xhtml, 나의 학습"
    })
    void eachRoleLandsOnItsHomePage(String username, String home, String heading) {
        for (int width : new int[] {Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH}) {
            Page page = browser.open("ko", width);
            Pages.signIn(page, server, username, DodamServer.DEMO_PASSWORD);
            assertThat(page.url()).endsWith(home);
            page.waitForNavigation(() -> page.click("[id='language:ko']"));
            assertThat(Pages.heading(page)).isEqualTo(heading);
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .isEqualTo(true);
            Browser.screenshot(page, "home-" + username + "-" + width);
            page.context().close();
        }
    }

    @Test
    void anotherRolesPageAnswers404() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-student02", DodamServer.DEMO_PASSWORD);
        for (String path : new String[] {
            "teacher/index.xhtml", "admin/index.xhtml", "counsellor/index.xhtml", "teacher/class.xhtml?id=1"
        }) {
            Response response = page.navigate(server.uri(path).toString());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(page.content()).doesNotContain("Caused by").doesNotContain(".java:");
        }
        page.context().close();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        page.navigate(server.uri("teacher/index.xhtml").toString());
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(Pages.heading(page)).isEqualTo("Sign in");
        page.context().close();
    }

    @Test
    void wrongPasswordIsExplainedAndAClientThatKeepsFailingWaitsLongerEachTime() throws Exception {
        String client = "198.18.41.1";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(FormSignIn.attempt(server, client, "demo-student24", "wrong-password-" + attempt)
                            .body())
                    .as("attempt " + attempt)
                    .contains("username or password is not right"); // "The school code, …" once a test added a school
        }
        long firstWait = FormSignIn.failUntilAskedToWait(server, client, "demo-student24", 4);
        assertThat(firstWait).as("after five failures the client waits").isPositive();
        Thread.sleep(firstWait * 1000 + 500);

        Page page = browser.context("en", Browser.DESKTOP_WIDTH, "Chromium", Map.of("X-Forwarded-For", client))
                .newPage();
        page.navigate(server.uri("login.xhtml").toString());
        Pages.schoolIfAsked(page);
        page.fill("[id='signin:username']", "demo-student24");
        page.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        FormSignIn.burst(server, client, java.util.Collections.nCopies(8, "demo-student24"), "wrong-in-a-burst");
        HttpResponse<String> waiting = FormSignIn.attempt(server, client, "demo-student24", DodamServer.DEMO_PASSWORD);
        assertThat(FormSignIn.waitAsked(waiting.body()))
                .as("the wait grows with its failures")
                .isGreaterThan(firstWait);
        assertThat(waiting.uri().getPath())
                .as("even the right password is not checked while waiting")
                .endsWith("/login.xhtml");
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(Pages.messages(page)).contains("Too many tries. Wait").contains("Ask your teacher");
        assertThat(page.url()).contains("/login.xhtml");
        Browser.screenshot(page, "signin-wait-en-1280");
        page.context().close();

        Page elsewhere = browser.context(
                        "en", Browser.PHONE_WIDTH, "Chromium", Map.of("X-Forwarded-For", "198.18.41.2"))
                .newPage();
        Pages.signIn(elsewhere, server, "demo-student24", DodamServer.DEMO_PASSWORD);
        assertThat(elsewhere.url())
                .as("the student, from their own device, is not locked out")
                .endsWith("/student/index.xhtml");
        elsewhere.context().close();
    }

    @Test
    void sprayingManyAccountsFromOneClientSlowsItWhileTheRealUserStillSignsInFromAnother() {
        String sprayer = "198.18.42.1";
        for (int i = 1; i <= 20; i++) {
            assertThat(FormSignIn.attempt(server, sprayer, String.format("spray-target-%02d", i), "Password1!")
                            .body())
                    .as("free failure " + i)
                    .contains("username or password is not right"); // "The school code, …" once a test added a school
        }
        long firstWait = 0;
        for (int i = 21; i <= 24 && firstWait == 0; i++) {
            firstWait = FormSignIn.waitAsked(
                    FormSignIn.attempt(server, sprayer, String.format("spray-target-%02d", i), "Password1!")
                            .body());
        }
        assertThat(firstWait)
                .as("after twenty failures across accounts, even a new account makes it wait")
                .isPositive();
        // Meanwhile demo-student23's account is attacked from four more addresses, 20 failures in all.
        for (int client = 1; client <= 4; client++) {
            for (int i = 0; i < 5; i++) {
                FormSignIn.attempt(server, "198.18.43." + client, "demo-student23", "guess-" + client + "-" + i);
            }
        }
        List<String> more = java.util.stream.IntStream.rangeClosed(30, 37)
                .mapToObj(i -> "spray-target-" + i)
                .toList();
        sleepSeconds(firstWait);
        FormSignIn.burst(server, sprayer, more, "Password1!");

        HttpResponse<String> sprayersGuess =
                FormSignIn.attempt(server, sprayer, "demo-student23", DodamServer.DEMO_PASSWORD);
        assertThat(FormSignIn.waitAsked(sprayersGuess.body()))
                .as("the sprayer's right guess is not even checked")
                .isGreaterThan(firstWait);
        HttpResponse<String> real =
                FormSignIn.attempt(server, "198.18.42.200", "demo-student23", DodamServer.DEMO_PASSWORD);
        assertThat(real.uri().getPath())
                .as("the real user, from another client, signs in at once")
                .endsWith("/student/index.xhtml");
        HttpResponse<String> counsellor =
                FormSignIn.attempt(server, sprayer, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        assertThat(counsellor.uri().getPath())
                .as("staff are not slowed by the sprayer's address")
                .endsWith("/counsellor/index.xhtml");
        assertThat(server.logText()).doesNotContain(sprayer).doesNotContain("spray-target");
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000 + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void languageSwitchChangesThePageAndIsRememberedForTheUser() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        page.navigate(server.uri("login.xhtml").toString());
        assertThat(Pages.heading(page)).isEqualTo("Sign in");
        page.waitForNavigation(() -> page.click("[id='language:ko']"));
        assertThat(Pages.heading(page)).isEqualTo("로그인");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ko");

        Pages.signIn(page, server, "demo-student03", DodamServer.DEMO_PASSWORD);
        assertThat(Pages.heading(page)).isEqualTo("나의 학습");
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        assertThat(Pages.heading(page)).isEqualTo("My learning");
        page.context().close();

        Page again = browser.open("ko", Browser.DESKTOP_WIDTH);
        Pages.signIn(again, server, "demo-student03", DodamServer.DEMO_PASSWORD);
        assertThat(Pages.heading(again))
                .as("the saved language wins over the browser's")
                .isEqualTo("My learning");
        again.waitForNavigation(() -> again.click("[id='language:ko']"));
        assertThat(Pages.heading(again)).isEqualTo("나의 학습");
        again.context().close();
    }

    /**
     * The password being typed can be shown (ASVS 2.1.12): a toggle button beside the field, reached and pressed
     * with the keyboard on a phone; the form still signs in, and sends the password from a masked field. Nothing
     * is refused by the Content-Security-Policy, and axe finds no serious problem with the password shown.
     */
    @Test
    void thePasswordCanBeShownWithTheKeyboardAndTheFormStillSignsIn() {
        Page page = browser.open("en", Browser.PHONE_WIDTH);
        List<String> violations = Browser.policyViolations(page);
        page.navigate(server.uri("login.xhtml?school=" + DodamServer.SCHOOL).toString());
        assertThat(Pages.heading(page)).isEqualTo("Sign in");
        page.fill("[id='signin:username']", "demo-student06");
        page.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        ShowPassword.toggleWithKeyboard(page, "signin:password", "Show: Password", "Show");
        assertThat(page.locator("script[src*='show-password.js']").getAttribute("src"))
                .as("once, at an address that changes with its content")
                .matches(".*[?&]v=[0-9a-f]{12}");
        assertThat(page.inputValue("[id='signin:password']")).isEqualTo(DodamServer.DEMO_PASSWORD);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        assertThat(Accessibility.seriousViolations(page))
                .as("with the password shown")
                .isEmpty();
        Browser.screenshot(page, "signin-password-shown-en-360");
        ShowPassword.recordTypesOnSubmit(page, "signin");
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(page.url()).endsWith("/student/index.xhtml");
        assertThat(ShowPassword.typesOnSubmit(page))
                .as("the password was sent from a masked field")
                .isEqualTo("password");
        assertThat(violations).as("refused by the policy").isEmpty();
        page.context().close();
    }

    @Test
    void inKoreanTheShowPasswordButtonSaysSo() {
        Page page = browser.open("ko", Browser.DESKTOP_WIDTH);
        List<String> violations = Browser.policyViolations(page);
        page.navigate(server.uri("login.xhtml").toString());
        assertThat(Pages.heading(page)).isEqualTo("로그인");
        page.fill("[id='signin:password']", "보라색 호랑이");
        assertThat(ShowPassword.button(page, "비밀번호 보기").innerText().strip()).isEqualTo("보기");
        ShowPassword.button(page, "비밀번호 보기").click();
        assertThat(page.getAttribute("[id='signin:password']", "type")).isEqualTo("text");
        assertThat(ShowPassword.button(page, "비밀번호 보기").getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        Browser.screenshot(page, "signin-password-shown-ko-1280");
        assertThat(violations).as("refused by the policy").isEmpty();
        page.context().close();
    }

    @Test
    void withoutScriptsThereIsNoShowPasswordButtonAndSigningInWorks() {
        Page page = browser.openWithoutScripts("en", Browser.PHONE_WIDTH, Map.of());
        page.navigate(server.uri("login.xhtml?school=" + DodamServer.SCHOOL).toString());
        assertThat(page.locator("[id='signin:password']").getAttribute("type")).isEqualTo("password");
        assertThat(page.locator("main button").count())
                .as("no button that does nothing")
                .isZero();
        assertThat(page.locator("[aria-controls]").count()).isZero();
        assertThat(page.locator("[id='signin:password']").locator("xpath=..").getAttribute("data-show-text"))
                .as("the button's text is there for the script, which does not run")
                .isEqualTo("Show");
        Pages.signIn(page, server, "demo-student08", DodamServer.DEMO_PASSWORD);
        assertThat(page.url()).endsWith("/student/index.xhtml");
        page.context().close();
    }

    @Test
    void signOutEndsTheSessionAndTheBackButtonShowsNothingPrivate() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-student04", DodamServer.DEMO_PASSWORD);
        String sessionBefore = sessionCookie(page);
        assertThat(page.content()).contains("최다미");
        page.waitForNavigation(() -> page.click("[id='signout:signOut']"));
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(page.locator("#signedOut").innerText()).contains("You have signed out");
        page.goBack();
        page.waitForLoadState();
        assertThat(page.content()).doesNotContain("최다미");
        assertThat(page.url()).contains("/login.xhtml");
        Response direct = page.navigate(server.uri("student/index.xhtml").toString());
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(direct.ok()).isTrue();
        assertThat(sessionCookie(page)).isNotEqualTo(sessionBefore);
        page.context().close();
    }

    @Test
    void aSuspendedAccountIsRefusedFromItsNextPageOn() {
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        Pages.useLanguage(admin, "en");
        Pages.addStaff(admin, "TEACHER", "Mr Paused", "paused-teacher", "paused@school.example", "password123");
        assertThat(admin.locator("[id='add:password-error']").innerText())
                .as("a common password is refused, with why and what instead")
                .contains("too easy to guess")
                .contains("Lots of people use this password")
                .contains("three or four words");
        assertThat(admin.getAttribute("[id='add:password']", "aria-invalid")).isEqualTo("true");
        assertThat(admin.locator("[id='staffList']").innerText()).doesNotContain("paused-teacher");
        admin.fill("[id='add:password']", "autumn kettle sings softly");
        admin.waitForNavigation(() -> admin.click("[id='add:submit']"));

        Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(teacher, server, "paused-teacher", "autumn kettle sings softly");
        assertThat(Pages.chooseOwnPassword(teacher, "winter kettle hums loudly"))
                .as("the admin's password is a start password")
                .isTrue();
        assertThat(teacher.url()).endsWith("/teacher/index.xhtml");
        assertThat(teacher.navigate(server.uri("teacher/index.xhtml").toString())
                        .status())
                .isEqualTo(200);

        // The teacher's session stays, but the account is read again on every page: suspended, it opens nothing.
        admin.waitForNavigation(
                () -> admin.click("[id='staffList'] tr:has-text('paused-teacher') input[value='Suspend']"));
        assertThat(admin.locator("[id='staffList'] tr:has-text('paused-teacher')")
                        .innerText())
                .contains("Suspended");
        assertThat(teacher.navigate(server.uri("teacher/index.xhtml").toString())
                        .status())
                .isEqualTo(404);
        assertThat(teacher.content()).doesNotContain("Mr Paused");

        admin.waitForNavigation(
                () -> admin.click("[id='staffList'] tr:has-text('paused-teacher') input[value='Reactivate']"));
        assertThat(teacher.navigate(server.uri("teacher/index.xhtml").toString())
                        .status())
                .isEqualTo(200);
        admin.context().close();
        teacher.context().close();
    }

    @Test
    void signingInGivesANewSessionId() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        page.navigate(server.uri("login.xhtml").toString());
        assertThat(sessionCookie(page)).as("the sign-in page makes no session").isNull();
        page.context()
                .addCookies(List.of(new Cookie("JSESSIONID", "planted-by-someone-else")
                        .setUrl(server.base().toString())));
        String anonymous = sessionCookie(page);
        Pages.signIn(page, server, "demo-student05", DodamServer.DEMO_PASSWORD);
        assertThat(page.url()).endsWith("/student/index.xhtml");
        assertThat(sessionCookie(page)).isNotNull().isNotEqualTo(anonymous);
        page.context().close();
    }

    /**
     * A hash the container's {@code Pbkdf2PasswordHash} made for {@link DodamServer#DEMO_PASSWORD} before Argon2id
     * (PBKDF2-HMAC-SHA512, 210,000 iterations), as such hashes are still stored.
     */
    static final String PBKDF2_HASH =
            "PBKDF2WithHmacSHA512:210000:HXfTJIy1jLniDeP1bD2hqQ==:" + "ss+46aVTUwIxe+WwOwTeVZ9rOp5kqL0WOV52aPKxMM8=";

    @Test
    void aPbkdf2HashIsReplacedByArgon2idAtSignInWithoutEndingTheOtherSessions() throws Exception {
        String url = server.databaseUrl();
        String username = "legacy-hash-student";
        long id = ServerDatabase.addStudentWithHash(url, "demo-student01", username, PBKDF2_HASH);
        String hashQuery = "select password_hash from account where id = ?";

        // While another connection holds the account's row, the upgrade cannot write: the sign-in succeeds anyway.
        Page first = browser.open("en", Browser.DESKTOP_WIDTH);
        try (Connection db = ServerDatabase.open(url)) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("select id from account where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
                Pages.signIn(first, server, username, DodamServer.DEMO_PASSWORD);
            }
            db.rollback();
        }
        assertThat(first.url()).endsWith("/student/index.xhtml");
        assertThat(ServerDatabase.text(url, hashQuery, id))
                .as("the upgrade failed, and the old hash stays")
                .isEqualTo(PBKDF2_HASH);
        // Dodam's own line names no one. (EclipseLink logs the failed statement too, and H2's message for a lock
        // timeout quotes the locked row: that is H2's, for any lock timeout, and not this feature's.)
        assertThat(logLine("A password hash could not be upgraded at sign-in"))
                .contains("DodamIdentityStore")
                .doesNotContain(username)
                .doesNotContain(DodamServer.DEMO_PASSWORD);

        // The next sign-in replaces it, without raising the credentials version: the first session stays.
        Page second = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(second, server, username, DodamServer.DEMO_PASSWORD);
        assertThat(second.url()).endsWith("/student/index.xhtml");
        String upgraded = ServerDatabase.text(url, hashQuery, id);
        assertThat(upgraded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(ServerDatabase.count(url, "select credentials_version from account where id = ?", id))
                .isZero();
        assertThat(first.navigate(server.uri("student/index.xhtml").toString()).status())
                .isEqualTo(200);
        assertThat(first.url()).as("the session from before the upgrade").endsWith("/student/index.xhtml");

        // The password still works with the new hash, which now stays as it is.
        Page third = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(third, server, username, DodamServer.DEMO_PASSWORD);
        assertThat(third.url()).endsWith("/student/index.xhtml");
        assertThat(ServerDatabase.text(url, hashQuery, id)).isEqualTo(upgraded);
        assertThat(second.navigate(server.uri("student/index.xhtml").toString()).status())
                .isEqualTo(200);
        assertThat(second.url()).endsWith("/student/index.xhtml");
        for (Page page : List.of(first, second, third)) {
            page.context().close();
        }
    }

    /** The first line of the server's log that contains the text, waiting a little for the log to be written. */
    private static String logLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            var line = server.logText().lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent() || System.nanoTime() > deadline) {
                return line.orElse("(no line with " + text + ")");
            }
            Thread.sleep(200);
        }
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream()
                .filter(c -> c.name.equals("JSESSIONID"))
                .map(c -> c.value)
                .findFirst()
                .orElse(null);
    }
}
