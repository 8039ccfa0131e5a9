package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.dodam.testing.ReportForms;
import org.dodam.testing.Reporting;
import org.dodam.testing.SessionCookies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Empty, very long, emoji, Korean and HTML/script input in every form: a clear message next to the field,
 * never a stack trace or a server error, and nothing saved halfway.
 */
class BadInputIT {

    static final String LONG = "가".repeat(10_000);
    static final String SCRIPT = "<script>window.__pwned = true</script><img src=x onerror=alert(1)>";

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

    @Test
    void addingAStudentRejectsBadInputAndSavesNothing() {
        Page page = teacherOnFirstClass();
        int before = rosterSize(page);

        submitStudent(page, "", "", "");
        assertThat(fieldErrors(page))
                .as("no password is fine: the server makes the start password")
                .contains("Name: enter a value.", "Username: enter a value.")
                .doesNotContain("password");

        submitStudent(page, LONG, LONG, LONG);
        assertThat(fieldErrors(page))
                .contains("Name: enter up to 80 characters, without < or >.")
                .contains("Username: use 3 to 40 letters")
                .contains("Start password (optional): use 8 to 128 characters.");

        submitStudent(page, SCRIPT, "script-kid", "password123");
        assertThat(fieldErrors(page)).contains("Name: enter up to 80 characters, without < or >.");

        submitStudent(page, "김민지", "김민지", "password123");
        assertThat(fieldErrors(page)).contains("Username: use 3 to 40 letters");

        submitStudent(page, "민지 🌱", "demo-student01", "password123");
        assertThat(Pages.messages(page)).contains("already taken");

        assertThat(rosterSize(page)).as("nothing was added").isEqualTo(before);
        assertThat(page.evaluate("() => window.__pwned === true")).isEqualTo(false);
        assertNoServerError(page);

        submitStudent(page, "민지 🌱", "minji-emoji", "password123");
        assertThat(Pages.messages(page)).contains("added with the username minji-emoji");
        assertThat(rosterSize(page)).isEqualTo(before + 1);
        assertThat(page.locator("[id='roster'] tbody td:first-child").allInnerTexts())
                .contains("민지 🌱");
        page.context().close();
    }

    @Test
    void signInAndJoinFormsRejectBadInputClearly() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        page.navigate(server.uri("login.xhtml").toString());
        unlimit(page);
        Pages.schoolIfAsked(page);
        page.fill("[id='signin:username']", LONG);
        page.fill("[id='signin:password']", LONG);
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(fieldErrors(page)).contains("Username: enter at most 40 characters.");
        Pages.signIn(page, server, SCRIPT, "x");
        assertThat(page.evaluate("() => window.__pwned === true")).isEqualTo(false);
        assertNoServerError(page);

        page.navigate(server.uri("join.xhtml").toString());
        page.fill("[id='join:code']", "NOPE2345");
        page.fill("[id='join:name']", "새 학생");
        page.fill("[id='join:username']", "new-joiner");
        page.fill("[id='join:password']", "password123");
        page.waitForNavigation(() -> page.click("[id='join:submit']"));
        assertThat(Pages.messages(page)).contains("There is no class with this code");

        unlimit(page);
        page.fill("[id='join:code']", LONG);
        page.fill("[id='join:name']", SCRIPT);
        page.fill("[id='join:username']", "🙂🙂🙂");
        page.fill("[id='join:password']", "short");
        page.waitForNavigation(() -> page.click("[id='join:submit']"));
        assertThat(fieldErrors(page))
                .contains("Class code: enter at most 20 characters.")
                .contains("Name: enter up to 80 characters")
                .contains("Username: use 3 to 40")
                .contains("Password: use 8 to 128");
        assertNoServerError(page);

        Pages.signIn(page, server, "new-joiner", "password123");
        assertThat(page.url()).as("no account was created").contains("/login.xhtml");
        page.context().close();
    }

    @Test
    void addingStaffRejectsBadInputAndSavesNothing() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        int before = page.locator("[id='staffList'] tbody tr").count();
        unlimit(page);
        Pages.addStaff(page, "TEACHER", "Ms Kim", "ms-kim", "not-an-email" + SCRIPT, "password123");
        assertThat(fieldErrors(page)).contains("E-mail: enter a valid e-mail address.");
        assertThat(page.locator("[id='staffList'] tbody tr").count()).isEqualTo(before);
        assertNoServerError(page);
        page.context().close();
    }

    @Test
    void anotherTeachersClassAndNonsenseIdsAnswer404() {
        Page page = teacherOnFirstClass();
        String ownClass = page.url();
        page.context().close();

        Page other = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(other, server, "demo-teacher2", DodamServer.DEMO_PASSWORD);
        Response response = other.navigate(ownClass);
        assertThat(response.status()).isEqualTo(404);
        for (String id : new String[] {"abc", "-1", "99999999999999999999", "1%27%20or%201=1", ""}) {
            Response bad =
                    other.navigate(server.uri("teacher/class.xhtml?id=" + id).toString());
            assertThat(bad.status()).as(id).isEqualTo(404);
            assertNoServerError(other);
        }
        other.context().close();
    }

    /**
     * A form posted with about 3 MB of text, far more than any field takes, gets a clear page in the page's
     * language (413), not a server error, and nothing is stored: no report (the school's count stays), and
     * no session from the sign-in form.
     */
    @Test
    void anOversizedFormGetsAClearPageInItsLanguageAndNothingIsStored() throws Exception {
        String huge = "x".repeat(3_000_000);
        String link = Reporting.schoolLink(browser, server);
        int reports = reportCount();
        Map<String, String> titles = Map.of("ko", "보내기에는 너무 커요", "en", "This was too much to send");
        for (String language : List.of("ko", "en")) {
            HttpClient client = ReportForms.client();
            Map<String, String> fields = ReportForms.filled(client, link, Map.of(), huge);
            HttpResponse<String> report =
                    ReportForms.post(client, URI.create(link), fields, Map.of("Accept-Language", language));
            assertThat(report.statusCode()).as("report form, " + language).isEqualTo(413);
            assertThat(report.body())
                    .contains("lang=\"" + language + "\"")
                    .contains(titles.get(language))
                    .doesNotContain("id=\"receiptCode")
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:");

            String form = "signin=signin&signin%3Aschool=" + DodamServer.SCHOOL
                    + "&signin%3Ausername=demo-admin&signin%3Apassword=" + huge
                    + "&signin%3Asubmit=x&jakarta.faces.ViewState=stateless";
            HttpResponse<String> signIn = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri("login.xhtml"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept-Language", language)
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as("sign-in form, " + language).isEqualTo(413);
            assertThat(signIn.body())
                    .contains("lang=\"" + language + "\"")
                    .contains(titles.get(language))
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:");
            assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(SessionCookies::isSession);
        }
        assertThat(reportCount()).as("reports of the school").isEqualTo(reports);
        assertThat(server.logText()).doesNotContain("Post too large");
    }

    /** How many reports the demo school has, as its counsellor's statistics count them. */
    private int reportCount() {
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        counsellor.navigate(server.uri("counsellor/statistics.xhtml").toString());
        int count = Integer.parseInt(counsellor.textContent("#statTotal").strip());
        counsellor.context().close();
        return count;
    }

    private Page teacherOnFirstClass() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        page.waitForNavigation(() -> page.click("table a"));
        assertThat(page.url()).contains("/teacher/class.xhtml?id=");
        return page;
    }

    /** Takes away the browser's maxlength, so the server's own checks are what is tested. */
    private static void unlimit(Page page) {
        page.evaluate("() => { document.querySelectorAll('input').forEach(i => i.removeAttribute('maxlength'));"
                + " document.querySelectorAll('form').forEach(f => f.noValidate = true); }");
    }

    private static void submitStudent(Page page, String name, String username, String password) {
        unlimit(page);
        page.fill("[id='add:name']", name);
        page.fill("[id='add:username']", username);
        page.fill("[id='add:password']", password);
        page.waitForNavigation(() -> page.click("[id='add:submit']"));
    }

    private static int rosterSize(Page page) {
        return page.locator("[id='roster'] tbody tr").count();
    }

    private static String fieldErrors(Page page) {
        return String.join("\n", page.locator(".field-error").allInnerTexts());
    }

    private static void assertNoServerError(Page page) {
        assertThat(page.content())
                .doesNotContain("Caused by")
                .doesNotContain(".java:")
                .doesNotContain("Something went wrong")
                .doesNotContain("문제가 생겼어요");
    }
}
