package org.dodam.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Learner;
import org.dodam.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A teacher sets up a class from a CSV file, prints the students' sign-in slips, assigns a module, prints its
 * letter to families in either language, and sees a student's work on the class dashboard and in its CSV export;
 * the students choose their own passwords at first sign-in, which no teacher's page shows; other teachers get
 * 404 for all of it, and students for the letters.
 */
class TeacherClassIT {

    static final String MODULE = "bystanders-and-upstanders";
    static final String LESSON = "dont-pass-it-on";

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
    void aTeacherImportsAssignsAndFollowsTheClass() throws IOException {
        Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(teacher, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
        teacher.waitForNavigation(() -> teacher.click("[id='language:en']"));
        teacher.fill("[id='newClassForm:name']", "Year 8 Upstanders");
        teacher.waitForNavigation(() -> teacher.click("[id='newClassForm:create']"));
        teacher.waitForNavigation(() -> teacher.click("table a:has-text('Year 8 Upstanders')"));
        String classUrl = teacher.url();

        upload(
                teacher,
                "name,username,password\nHana Lee,csv-hana,hana-pass-1\n<b>bad</b>,csv-bad,\nJin Choi,csv-hana,\n");
        String errors = Pages.messages(teacher);
        assertThat(errors)
                .contains("Nothing was added")
                .contains("Line 3:")
                .contains("Line 4: This username appears twice");
        assertThat(teacher.locator("[id='roster'] tbody tr").count())
                .as("nothing half-imported")
                .isZero();

        upload(
                teacher,
                "\uFEFFname,username,password\nHana Lee,csv-hana,hana-pass-1\nJin Choi,csv-jin,\n\"Park, Minseo\",csv-minseo,\n");
        assertThat(Pages.messages(teacher)).contains("3 students added");
        assertThat(teacher.locator("[id='roster'] tbody tr").count()).isEqualTo(3);
        assertThat(teacher.locator("#imported").innerText()).contains("csv-jin").contains("(from the file)");
        String jinsStart = teacher.locator("#imported tr:has-text('csv-jin') .code")
                .innerText()
                .strip();
        assertThat(jinsStart).hasSize(10);

        // The start passwords as sign-in slips: a link that holds only the class, a PDF not kept in any cache.
        String slipsHref = teacher.getAttribute("#slipsLink", "href");
        assertThat(slipsHref)
                .endsWith("/teacher/sign-in-slips?id=" + param(classUrl, "id"))
                .doesNotContain(jinsStart);
        APIResponse slips = teacher.request().get(server.uri(slipsHref).toString());
        assertThat(slips.status()).isEqualTo(200);
        assertThat(slips.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(slips.headers().get("cache-control")).isEqualTo("no-store");
        String slipText = pdfText(slips.body());
        assertThat(slipText)
                .contains("Hana Lee")
                .contains("csv-hana")
                .contains("hana-pass-1")
                .contains("csv-jin")
                .contains(jinsStart)
                .contains("Park, Minseo")
                .contains("도담중학교")
                .contains("Sign in at: http://localhost:8080/")
                .contains("The first time you sign in");
        String korean = pdfText(teacher.request()
                .get(server.uri(teacher.getAttribute("#slipsKo", "href")).toString())
                .body());
        assertThat(korean).contains("처음 비밀번호: " + jinsStart).contains("처음 로그인하면");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "sign-in-slips-en.pdf"), slips.body());

        teacher.selectOption("[id='assign:what']", new SelectOption().setValue("module:" + MODULE));
        teacher.fill("[id='assign:due']", LocalDate.now().plusDays(3).toString());
        teacher.waitForNavigation(() -> teacher.click("[id='assign:submit']"));
        assertThat(Pages.messages(teacher)).contains("4 lesson(s) assigned");
        assertThat(teacher.locator("[id='assigned'] tbody tr").count()).isEqualTo(4);

        String letterEn = familyLetterLinks(teacher, "Bystanders and upstanders");

        teacher.waitForNavigation(() -> teacher.click("#dashboardLink"));
        String dashboardUrl = teacher.url();
        assertThat(teacher.locator("#matrix tbody tr").count()).isEqualTo(3);
        assertThat(teacher.locator("#matrix tbody").innerText())
                .contains("Not started")
                .doesNotContain("Completed");

        // Hana signs in with the start password from the class list: nothing opens until she chooses her own.
        Page student = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(student, server, "csv-hana", "hana-pass-1");
        assertThat(student.url()).endsWith("/student/password.xhtml");
        assertThat(Pages.heading(student)).isEqualTo("Choose your own password");
        for (String elsewhere : List.of(
                "student/index.xhtml", "student/lesson.xhtml?lesson=" + LESSON + "&part=0", "teacher/index.xhtml")) {
            student.navigate(server.uri(elsewhere).toString());
            assertThat(student.url()).as(elsewhere).endsWith("/student/password.xhtml");
        }
        assertThat(student.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        assertThat(Accessibility.seriousViolations(student))
                .as("choose-password page")
                .isEmpty();
        student.fill("[id='choose:password']", "12345678");
        student.fill("[id='choose:repeat']", "12345678");
        student.waitForNavigation(() -> student.click("[id='choose:save']"));
        assertThat(student.locator("[id='choose:password-error']").innerText())
                .contains("Lots of people use this password")
                .contains("three or four words");
        student.fill("[id='choose:password']", "purple otter bakes bread");
        student.fill("[id='choose:repeat']", "purple otter bakes brad");
        student.waitForNavigation(() -> student.click("[id='choose:save']"));
        assertThat(student.locator("[id='choose:repeat-error']").innerText()).contains("not the same");
        assertThat(student.getAttribute("[id='choose:repeat']", "aria-invalid"))
                .as("the field says it is wrong")
                .isEqualTo("true");
        student.fill("[id='choose:password']", "hana-pass-1");
        student.fill("[id='choose:repeat']", "hana-pass-1");
        student.waitForNavigation(() -> student.click("[id='choose:save']"));
        assertThat(Pages.messages(student)).contains("the password your teacher gave you");
        Browser.screenshot(student, "choose-password-en-360");
        assertThat(Pages.chooseOwnPassword(student, HANAS_OWN)).isTrue();
        assertThat(student.url()).endsWith("/student/index.xhtml");
        assertThat(Pages.messages(student)).contains("Your password is saved");
        assertThat(student.locator("#assignedTable tbody tr").count()).isEqualTo(4);
        assertThat(student.request().get(letterEn).status())
                .as("a student asks for a family letter")
                .isEqualTo(404);
        Learner.readAll(student, server, LESSON);
        Learner.answerAll(student, server, LESSON, true, "en");
        student.context().close();

        teacher.navigate(dashboardUrl);
        assertThat(teacher.locator("#matrix tr:has-text('Hana Lee')").innerText())
                .contains("Completed · 100%");
        assertThat(teacher.locator("label[for=completionBar]").innerText()).contains("8%");
        Browser.screenshot(teacher, "teacher-dashboard-en-1280");
        assertThat(Accessibility.seriousViolations(teacher)).as("dashboard").isEmpty();

        var csv = teacher.request()
                .get(server.uri("teacher/class-export?id=" + dashboardUrl.replaceAll(".*id=(\\d+).*", "$1"))
                        .toString());
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines =
                new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("\uFEFF\"Name\",\"Username\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"Hana Lee\",\"csv-hana\",\"Completed\",\"100\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"Park, Minseo\",\"csv-minseo\",\"Not started\""));

        teacher.waitForNavigation(() -> teacher.click("#matrix a:has-text('Hana Lee')"));
        assertThat(teacher.locator("#studentView").innerText())
                .contains("csv-hana")
                .contains("Completed");
        assertThat(teacher.content()).doesNotContain(HANAS_OWN);

        // Slips print only passwords not yet changed: Hana's is gone, Jin's is still there.
        String afterHana =
                pdfText(teacher.request().get(server.uri(slipsHref).toString()).body());
        assertThat(afterHana)
                .doesNotContain("csv-hana")
                .doesNotContain("hana-pass-1")
                .contains("csv-jin");
        teacher.navigate(classUrl);
        assertThat(teacher.content()).doesNotContain(HANAS_OWN).doesNotContain("hana-pass-1");
        teacher.context().close();

        // Jin, on a phone without JavaScript, chooses his own in Korean.
        Page jin = browser.openWithoutScripts("ko", Browser.PHONE_WIDTH, Map.of());
        Pages.signIn(jin, server, "csv-jin", jinsStart);
        Pages.useLanguage(jin, "ko");
        assertThat(Pages.heading(jin)).isEqualTo("나만의 비밀번호 정하기");
        assertThat(jin.locator("label[for='choose:password']").innerText()).isEqualTo("새 비밀번호");
        Browser.screenshot(jin, "choose-password-ko-360-noscript");
        assertThat(Pages.chooseOwnPassword(jin, "초록 거북이가 체스를 둬")).isTrue();
        assertThat(jin.url()).endsWith("/student/index.xhtml");
        jin.context().close();
        Page jinAgain = browser.open("ko", Browser.DESKTOP_WIDTH);
        Pages.signIn(jinAgain, server, "csv-jin", jinsStart);
        assertThat(jinAgain.url()).as("the start password stops working").contains("/login.xhtml");
        jinAgain.context().close();
        assertThat(server.logText())
                .doesNotContain(jinsStart)
                .doesNotContain(HANAS_OWN)
                .doesNotContain("hana-pass-1");

        Page other = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(other, server, "demo-teacher2", DodamServer.DEMO_PASSWORD);
        assertThat(other.navigate(classUrl).status()).isEqualTo(404);
        assertThat(other.navigate(dashboardUrl).status()).isEqualTo(404);
        assertThat(other.request().get(csv.url()).status()).isEqualTo(404);
        assertThat(other.request().get(server.uri(slipsHref).toString()).status())
                .as("another teacher's slips")
                .isEqualTo(404);
        other.context().close();
        Page demoStudent = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(demoStudent, server, "demo-student07", DodamServer.DEMO_PASSWORD);
        assertThat(demoStudent.url())
                .as("the demo school's students keep their password")
                .endsWith("/student/index.xhtml");
        assertThat(demoStudent.request().get(server.uri(slipsHref).toString()).status())
                .as("a student")
                .isEqualTo(404);
        demoStudent.context().close();
    }

    @Test
    void theDashboardShowsTheMisconceptionOfTheDemoClass() {
        Page teacher = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(teacher, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
        teacher.waitForNavigation(() -> teacher.click("[id='language:en']"));
        teacher.waitForNavigation(() -> teacher.click("table a:has-text('2학년 3반')"));
        for (var link : teacher.locator("#familyLetters a").all()) {
            assertThat(link.boundingBox().x + link.boundingBox().width)
                    .as("on a 360 px phone")
                    .isLessThanOrEqualTo(360);
        }
        assertThat(teacher.locator("#familyLetters a").count()).isGreaterThanOrEqualTo(2);
        Browser.screenshot(teacher, "teacher-class-family-letters-en-360");
        teacher.waitForNavigation(() -> teacher.click("#dashboardLink"));
        assertThat(teacher.locator("#missedList li").count()).isGreaterThanOrEqualTo(1);
        // The demo seeds 2 of 6 wrong first answers; students of the same demo class in other test classes may have
        // answered since (the suite runs in any order), so the counts may only have grown from the seed's.
        String missed = teacher.locator("#missedList li").first().innerText();
        java.util.regex.Matcher counts =
                java.util.regex.Pattern.compile("(\\d+) of (\\d+) missed it").matcher(missed);
        assertThat(counts.find()).as(missed).isTrue();
        assertThat(Integer.parseInt(counts.group(1)))
                .as("missed")
                .isGreaterThanOrEqualTo(2)
                .isLessThanOrEqualTo(Integer.parseInt(counts.group(2)));
        assertThat(Integer.parseInt(counts.group(2))).as("answered").isGreaterThanOrEqualTo(6);
        assertThat(missed).contains("Most chosen wrong answer:");
        assertThat(teacher.locator("#matrix tbody").innerText()).contains("Missing");
        Browser.screenshot(teacher, "teacher-dashboard-en-360");
        teacher.waitForNavigation(() -> teacher.click("#missedList a"));
        assertThat(teacher.locator(".lesson__section--teacher-notes").count()).isEqualTo(1);
        teacher.context().close();
    }

    /**
     * A class larger than a page of the roster: PrimeFaces' own paginator and column sorting (with scripts, by Ajax)
     * show the rest and the reverse order, a row's button on the second page acts on that row, and without scripts
     * the plain pager link does the same. On a 360 px phone, under the Content-Security-Policy.
     */
    @Test
    void theRosterPagesAndSortsWithAndWithoutScripts() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        Page teacher = browser.open("en", Browser.PHONE_WIDTH);
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        teacher.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        teacher.onPageError(refused::add);
        Pages.signIn(teacher, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
        teacher.waitForNavigation(() -> teacher.click("[id='language:en']"));
        teacher.fill("[id='newClassForm:name']", "Paging " + suffix);
        teacher.waitForNavigation(() -> teacher.click("[id='newClassForm:create']"));
        teacher.locator("section:has(#classes)")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "teacher-classes-en-360.png")));
        teacher.waitForNavigation(() -> teacher.click("table a:has-text('Paging " + suffix + "')"));
        String classUrl = teacher.url();
        StringBuilder csv = new StringBuilder("name,username\n");
        for (int i = 1; i <= 42; i++) {
            csv.append(String.format("Pager Student %02d,pg-%s-%02d\n", i, suffix, i));
        }
        upload(teacher, csv.toString());
        assertThat(Pages.messages(teacher)).contains("42 students added");

        Locator rows = teacher.locator("[id='roster'] tbody tr");
        Locator names = teacher.locator("[id='roster'] tbody tr a");
        assertThat(rows.count()).isEqualTo(40);
        assertThat(names.first().innerText()).isEqualTo("Pager Student 01");
        teacher.click("[id='roster'] .ui-paginator-next");
        teacher.waitForCondition(() -> rows.count() == 2);
        assertThat(names.first().innerText()).isEqualTo("Pager Student 41");
        assertThat(teacher.locator("[id='roster'] .ui-paginator-current").innerText())
                .isEqualTo("2 / 2");
        teacher.locator("section:has(#students)")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "teacher-roster-page2-en-360.png")));
        assertThat(Accessibility.seriousViolations(teacher))
                .as("roster, second page")
                .isEmpty();

        teacher.waitForNavigation(() -> teacher.click("[aria-label='Reset password: Pager Student 42']"));
        assertThat(teacher.locator("#reset").innerText())
                .as("the row clicked, on the page shown")
                .contains("Pager Student 42");
        assertThat(names.first().innerText()).as("still the second page").isEqualTo("Pager Student 41");

        Locator byName = teacher.locator("[id='roster'] th.ui-sortable-column[aria-label^='Name']");
        byName.click();
        teacher.waitForCondition(() -> names.first().innerText().equals("Pager Student 01"));
        byName.click();
        teacher.waitForCondition(() -> names.first().innerText().equals("Pager Student 42"));
        assertThat(rows.count()).as("sorted from the first page").isEqualTo(40);
        assertThat(names.nth(39).innerText()).isEqualTo("Pager Student 03");
        assertThat(refused)
                .as("no script or style refused by the Content-Security-Policy, no script error")
                .isEmpty();
        teacher.context().close();

        Page scriptless = browser.openWithoutScripts("en", Browser.PHONE_WIDTH, Map.of());
        Pages.signIn(scriptless, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
        scriptless.navigate(classUrl);
        Locator plainNames = scriptless.locator("[id='roster'] tbody tr a");
        assertThat(plainNames.count()).isEqualTo(40);
        scriptless.waitForNavigation(() -> scriptless.click(".pager a[rel='next']"));
        assertThat(plainNames.count()).isEqualTo(2);
        assertThat(plainNames.first().innerText()).isEqualTo("Pager Student 41");
        scriptless.waitForNavigation(() -> scriptless.click("[aria-label='Reset password: Pager Student 41']"));
        assertThat(scriptless.locator("#reset").innerText())
                .as("the row clicked, without scripts")
                .contains("Pager Student 41");
        scriptless.navigate(classUrl + "&sort=name-desc");
        assertThat(plainNames.first().innerText()).isEqualTo("Pager Student 42");
        scriptless.context().close();
    }

    /**
     * The class page offers the assigned module's letter to families in both languages, named for screen readers;
     * a teacher downloads each as a PDF in its own language whatever the page's; unknown and staff modules and other
     * languages answer 404, and a visitor who is not signed in is sent to sign in. Returns the English letter's URL.
     */
    private static String familyLetterLinks(Page teacher, String title) {
        assertThat(Accessibility.seriousViolations(teacher)).as("class page").isEmpty();
        Locator links = teacher.locator("#familyLetters li:has-text('" + title + "') a");
        assertThat(links.count()).isEqualTo(2);
        assertThat(teacher.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions()
                                        .setExact(true)
                                        .setName("Letter to families about \"" + title + "\", in Korean: 한국어 (PDF)"))
                        .count())
                .isEqualTo(1);
        String ko = server.uri("teacher/" + links.nth(0).getAttribute("href")).toString();
        String en = server.uri("teacher/" + links.nth(1).getAttribute("href")).toString();
        assertThat(pdfText(teacher.request().get(ko)))
                .contains("「방관자에서 행동하는 사람으로」 수업 안내")
                .contains("가정통신문")
                .contains("1366");
        assertThat(pdfText(teacher.request().get(en)))
                .contains(title)
                .contains("Letter to families")
                .contains("112");
        for (String unknown : List.of(
                en.replace(MODULE, "no-such-module"),
                en.replace(MODULE, "staff-deepfake-abuse"),
                en.replace("lang=en", "lang=fr"),
                server.uri("teacher/family-letter").toString())) {
            assertThat(teacher.request().get(unknown).status()).as(unknown).isEqualTo(404);
        }
        Page anonymous = browser.open("en", Browser.PHONE_WIDTH);
        APIResponse notSignedIn =
                anonymous.request().get(en, RequestOptions.create().setMaxRedirects(0));
        assertThat(notSignedIn.status()).as("not signed in").isIn(302, 303);
        assertThat(notSignedIn.headers().get("location")).contains("/login.xhtml");
        assertThat(new String(notSignedIn.body(), StandardCharsets.ISO_8859_1)).doesNotStartWith("%PDF");
        anonymous.context().close();
        return en;
    }

    private static String pdfText(APIResponse response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String HANAS_OWN = "green turtle plays chess";

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String param(String url, String name) {
        return url.replaceAll(".*[?&]" + name + "=(\\d+).*", "$1");
    }

    private static void upload(Page page, String csv) {
        page.setInputFiles(
                "[id='import:file']", new FilePayload("class.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.waitForNavigation(() -> page.click("[id='import:submit']"));
    }
}
