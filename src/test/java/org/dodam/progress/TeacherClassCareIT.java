package org.dodam.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Learner;
import org.dodam.testing.Pages;
import org.dodam.testing.ServerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Looking after a class over a term: renaming and archiving it, resetting a password and removing a student,
 * moving due dates for the class and for one student, one student's own view, the PDF of the matrix, and
 * nothing of it reachable by another teacher or another school. The shared server's H2 database is opened
 * beside it (AUTO_SERVER) to add a second school and to check records the pages deliberately no longer show.
 */
class TeacherClassCareIT {

    static final String LESSON = "dont-pass-it-on";
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Seoul");

    static DodamServer server;
    static Browser browser;
    static String jdbcUrl;

    @BeforeAll
    static void start() {
        server = DodamServer.embedded();
        jdbcUrl = server.databaseUrl();
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aRenamedThenArchivedClassLeavesTheTeachersListAndItsStudentsHomeUntilRestored() {
        Page teacher = signIn("demo-teacher", "en", Browser.DESKTOP_WIDTH);
        String classUrl = createClass(teacher, "Care 7A");
        upload(teacher, "name,username,password\nAra Kim,care-ara,ara-pass-1\n");
        assign(teacher, null);

        Page student = signIn("care-ara", "en", Browser.PHONE_WIDTH);
        assertThat(student.locator("#assignedTable tbody tr").count()).isEqualTo(1);

        teacher.fill("[id='rename:name']", "<b>x</b>");
        teacher.waitForNavigation(() -> teacher.click("[id='rename:submit']"));
        assertThat(teacher.locator("[id='rename:name-error']").innerText()).isNotBlank();
        assertThat(Pages.heading(teacher)).isEqualTo("Care 7A");
        teacher.fill("[id='rename:name']", "Care 7B");
        teacher.waitForNavigation(() -> teacher.click("[id='rename:submit']"));
        assertThat(Pages.messages(teacher)).contains("The class is now called \"Care 7B\".");
        assertThat(Pages.heading(teacher)).isEqualTo("Care 7B");

        teacher.waitForNavigation(() -> teacher.click("[id='archive:ask']"));
        assertThat(teacher.locator("#archiveConfirm").innerText()).contains("Archive \"Care 7B\"?");
        Browser.screenshot(teacher, "teacher-class-archive-confirm-en-1280");
        teacher.waitForNavigation(() -> teacher.click("[id='archiveYes:yes']"));
        assertThat(Pages.heading(teacher)).isEqualTo("My classes");
        assertThat(Pages.messages(teacher)).contains("\"Care 7B\" was archived.");
        assertThat(teacher.locator("section:has(#classes) table").innerText()).doesNotContain("Care 7B");
        assertThat(teacher.locator("#archivedClasses").innerText()).contains("Care 7B");
        assertThat(Accessibility.seriousViolations(teacher))
                .as("home with archived classes")
                .isEmpty();

        student.reload();
        assertThat(student.locator("#assignedTable tbody tr").count())
                .as("an archived class's assignments are not due")
                .isZero();
        assertThat(student.locator("main").innerText()).doesNotContain("Care 7B");

        teacher.navigate(classUrl);
        assertThat(teacher.locator("#archivedNotice").innerText()).contains("This class is archived");
        assertThat(teacher.locator("[id='assign:what']").count()).isZero();
        assertThat(teacher.locator("[id='add:submit']").count()).isZero();
        Browser.screenshot(teacher, "teacher-class-archived-en-1280");
        assertThat(Accessibility.seriousViolations(teacher))
                .as("archived class")
                .isEmpty();
        teacher.waitForNavigation(() -> teacher.click("#dashboardLink"));
        assertThat(teacher.locator("#matrix").innerText())
                .as("the records stay readable")
                .contains("Ara Kim");

        teacher.navigate(classUrl);
        teacher.waitForNavigation(() -> teacher.click("[id='restore:submit']"));
        assertThat(Pages.messages(teacher)).contains("\"Care 7B\" is active again.");
        student.reload();
        assertThat(student.locator("#assignedTable tbody tr").count()).isEqualTo(1);
        student.context().close();
        teacher.context().close();
    }

    @Test
    void aTeacherResetsAPasswordAndRemovesAStudentWhoseRecordsStay() throws Exception {
        Page teacher = signIn("demo-teacher", "en", Browser.DESKTOP_WIDTH);
        String classUrl = createClass(teacher, "Care 8A");
        upload(teacher, "name,username,password\nBora Han,care-bora,bora-pass-1\nChul Yoon,care-chul,chul-pass-1\n");
        assign(teacher, null);

        Page bora = signIn("care-bora", "en", Browser.PHONE_WIDTH);
        Learner.readAll(bora, server, LESSON);
        Learner.answerAll(bora, server, LESSON, true, "en");
        bora.context().close();

        teacher.navigate(classUrl);
        teacher.waitForNavigation(() -> teacher.click("[aria-label='Reset password: Chul Yoon']"));
        String temporary = teacher.locator("#reset .code").innerText().strip();
        assertThat(temporary).hasSize(10);
        Page chul = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(chul, server, "care-chul", "chul-pass-1");
        assertThat(chul.url()).as("the old password no longer works").contains("login");
        Pages.signIn(chul, server, "care-chul", temporary);
        assertThat(chul.url()).contains("/student/");
        chul.context().close();

        teacher.navigate(classUrl);
        String boraView =
                teacher.locator("[id='roster'] a:has-text('Bora Han')").getAttribute("href");
        teacher.waitForNavigation(() -> teacher.click("[aria-label='Remove from class: Bora Han']"));
        assertThat(teacher.locator("#removeConfirm").innerText()).contains("Remove Bora Han from this class?");
        assertThat(Accessibility.seriousViolations(teacher))
                .as("class page with a confirmation")
                .isEmpty();
        String confirm = formPost(teacher, "[id='remove:yes']");
        for (int i = 0; i < 2; i++) {
            APIResponse response = post(teacher, confirm);
            assertThat(response.status()).as("double submit " + i).isEqualTo(200);
            assertThat(response.text())
                    .doesNotContain("Something went wrong")
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:");
        }
        teacher.navigate(classUrl);
        assertThat(teacher.locator("[id='roster'] tbody").innerText())
                .contains("Chul Yoon")
                .doesNotContain("Bora Han");
        teacher.waitForNavigation(() -> teacher.click("#dashboardLink"));
        assertThat(teacher.locator("#matrix tbody tr").count()).isEqualTo(1);
        assertThat(teacher.locator("#matrix").innerText()).doesNotContain("Bora Han");
        assertThat(teacher.request().get(server.uri(boraView).toString()).status())
                .as("a removed student's view")
                .isEqualTo(404);
        APIResponse csv = teacher.request()
                .get(teacher.locator("#csvExport").evaluate("a => a.href").toString());
        assertThat(csv.text()).contains("care-chul").doesNotContain("care-bora");

        assertThat(ServerDatabase.count(
                        jdbcUrl,
                        "select count(*) from progress p join account a on a.id = p.student_id"
                                + " where a.username = 'care-bora' and p.completed_at is not null"))
                .as("progress kept")
                .isEqualTo(1);
        assertThat(ServerDatabase.count(
                        jdbcUrl,
                        "select count(*) from class_membership m join account a on a.id = m.student_id"
                                + " where a.username = 'care-bora' and m.removed_at is not null"))
                .as("membership ended, not deleted")
                .isEqualTo(1);

        Page removed = signIn("care-bora", "en", Browser.PHONE_WIDTH);
        assertThat(removed.locator("#assignedTable tbody tr").count()).isZero();
        removed.context().close();
        teacher.context().close();
    }

    @Test
    void dueDatesMoveForTheClassAndForOneStudentAlikeOnTheirHomeAndTheDashboard() throws Exception {
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        Page teacher = signIn("demo-teacher", "en", Browser.DESKTOP_WIDTH);
        String classUrl = createClass(teacher, "Care 9A");
        upload(teacher, "name,username,password\nDami Seo,care-dami,dami-pass-1\nEun Cho,care-eun,eun-pass-1\n");
        assign(teacher, today.minusDays(3));
        String dashboardUrl = dashboardUrl(classUrl);
        teacher.navigate(dashboardUrl);
        assertThat(teacher.locator("#matrix tbody").innerText())
                .contains("Missing")
                .doesNotContain("Not started");

        teacher.navigate(classUrl);
        String dueInput = "[id='assigned'] input[id$=':date']";
        teacher.locator(dueInput).evaluate("input => input.type = 'text'");
        teacher.fill(dueInput, "2026-13-45");
        teacher.waitForNavigation(() -> teacher.click("[id='assigned'] input[value='Change due date']"));
        assertThat(teacher.locator("[id='assigned']").innerText()).contains("enter a date such as");
        teacher.navigate(classUrl);
        assertThat(teacher.locator(dueInput).inputValue())
                .as("nothing half-saved")
                .isEqualTo(today.minusDays(3).toString());

        teacher.fill(dueInput, today.plusDays(5).toString());
        teacher.waitForNavigation(() -> teacher.click("[id='assigned'] input[value='Change due date']"));
        assertThat(Pages.messages(teacher)).contains("is now " + today.plusDays(5));
        teacher.navigate(dashboardUrl);
        assertThat(teacher.locator("#matrix tbody").innerText())
                .contains("Not started")
                .doesNotContain("Missing");

        teacher.waitForNavigation(() -> teacher.click("#matrix a:has-text('Dami Seo')"));
        String studentUrl = teacher.url();
        assertThat(Pages.heading(teacher)).isEqualTo("Progress of Dami Seo");
        String ownDue = "#studentLessonsTable input[type=date]";
        teacher.waitForNavigation(() -> teacher.click("#studentLessonsTable input[value='Set own due date']"));
        assertThat(Pages.messages(teacher)).contains("Enter the student's own due date");
        teacher.fill(ownDue, today.minusDays(1).toString());
        String setOwn = formPost(teacher, "#studentLessonsTable input[value='Set own due date']");
        for (int i = 0; i < 2; i++) {
            assertThat(post(teacher, setOwn).status()).as("double submit " + i).isEqualTo(200);
        }
        assertThat(ServerDatabase.count(
                        jdbcUrl,
                        "select count(*) from assignment_override o join account a on a.id = o.student_id"
                                + " where a.username = 'care-dami'"))
                .isEqualTo(1);
        teacher.navigate(studentUrl);
        String row = teacher.locator("#studentLessonsTable tbody tr").innerText();
        assertThat(row)
                .contains(today.minusDays(1).toString())
                .contains("(own date)")
                .contains("Class due date: " + today.plusDays(5))
                .contains("Missing");
        Browser.screenshot(teacher, "teacher-student-view-en-1280");
        assertThat(Accessibility.seriousViolations(teacher)).as("student view").isEmpty();

        teacher.navigate(dashboardUrl);
        assertThat(teacher.locator("#matrix tr:has-text('Dami Seo')").innerText())
                .contains("Missing")
                .contains("(own date)");
        assertThat(teacher.locator("#matrix tr:has-text('Eun Cho')").innerText())
                .contains("Not started")
                .doesNotContain("(own date)");

        Page dami = signIn("care-dami", "en", Browser.PHONE_WIDTH);
        assertThat(dami.locator("#assignedTable tbody tr").innerText())
                .contains(today.minusDays(1).toString())
                .contains("Overdue");
        dami.context().close();
        Page eun = signIn("care-eun", "en", Browser.PHONE_WIDTH);
        assertThat(eun.locator("#assignedTable tbody tr").innerText())
                .contains(today.plusDays(5).toString())
                .contains("Not started");
        Learner.readAll(eun, server, LESSON);
        Learner.answerAll(eun, server, LESSON, false, "en");
        eun.context().close();

        teacher.navigate(studentUrl);
        teacher.waitForNavigation(
                () -> teacher.click("#studentLessonsTable input[value=\"Back to the class's date\"]"));
        assertThat(Pages.messages(teacher)).contains("Dami Seo follows the class's due date");
        teacher.navigate(dashboardUrl);
        assertThat(teacher.locator("#matrix tr:has-text('Dami Seo')").innerText())
                .contains("Not started");

        teacher.waitForNavigation(() -> teacher.click("#matrix a:has-text('Eun Cho')"));
        assertThat(teacher.locator("#studentLessonsTable").innerText())
                .contains("Attempt 1:")
                .doesNotContain("None yet");
        Page phone = signIn("demo-teacher", "ko", Browser.PHONE_WIDTH);
        phone.navigate(teacher.url());
        assertThat(phone.locator("#studentLessonsTable").innerText()).contains("1회차:");
        Browser.screenshot(phone, "teacher-student-view-ko-360");
        assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways page scroll at 360 px")
                .isEqualTo(true);
        phone.navigate(classUrl);
        Browser.screenshot(phone, "teacher-class-ko-360");
        assertThat(phone.locator("main").innerText()).contains("학급 설정");
        assertThat(phone.locator("[id='archive:ask']").getAttribute("value")).isEqualTo("학급 보관하기");
        assertThat(phone.locator("[id='assigned'] input[id$=':change']").getAttribute("value"))
                .isEqualTo("마감일 바꾸기");
        assertThat(phone.locator("[aria-label='학급에서 빼기: Dami Seo']").count()).isEqualTo(1);
        phone.context().close();
        teacher.context().close();
    }

    @Test
    void theMatrixDownloadsAsAPdfWithTheStudentsNamesAndTheDashboardShowsTheScoreSpread() throws Exception {
        Page teacher = signIn("demo-teacher", "en", Browser.DESKTOP_WIDTH);
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        teacher.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        teacher.onPageError(refused::add);
        teacher.waitForNavigation(() -> teacher.click("table a:has-text('2학년 3반')"));
        teacher.waitForNavigation(() -> teacher.click("#dashboardLink"));
        List<String> bands = teacher.locator("#scoreBands tbody tr").allInnerTexts();
        assertThat(bands).hasSize(4);
        assertThat(bands.stream()
                        .mapToInt(b -> Integer.parseInt(b.replaceAll("(?s).*\\s(\\d+)\\s*$", "$1")))
                        .sum())
                .as("the seed's six demo students took the quiz (tests that run first may add their own answers)")
                .isGreaterThanOrEqualTo(6);
        assertThat(bands.get(3)).startsWith("90–100%");
        List<Integer> counts = bands.stream()
                .map(b -> Integer.parseInt(b.replaceAll("(?s).*\\s(\\d+)\\s*$", "$1")))
                .toList();
        int most = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int i = 0; i < counts.size(); i++) {
            assertThat(teacher.locator("#scoreBands tbody tr")
                            .nth(i)
                            .locator(".bar__fill")
                            .getAttribute("class"))
                    .as("bar of band " + i)
                    .endsWith("--" + Math.round(counts.get(i) * 20.0 / most) * 5);
        }
        Browser.screenshot(teacher, "teacher-dashboard-scores-en-1280");
        String notesLink = teacher.locator("#missedList a").first().getAttribute("href");
        assertThat(notesLink).contains("/teacher/lesson.xhtml?id=").endsWith("#teacher-notes");
        String dashboard = teacher.url();
        teacher.waitForNavigation(() -> teacher.click("#missedList a"));
        assertThat(teacher.locator("#teacher-notes + section").getAttribute("class"))
                .contains("lesson__section--teacher-notes");
        teacher.navigate(dashboard);

        APIResponse pdf = teacher.request()
                .get(teacher.locator("#pdfExport").evaluate("a => a.href").toString());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("2학년 3반")
                    .contains("김민지")
                    .contains("서예준")
                    .contains("demo-student01")
                    .contains("Completed · 100%")
                    .contains("Missing");
            javax.imageio.ImageIO.write(
                    new PDFRenderer(document).renderImageWithDPI(0, 72),
                    "png",
                    Path.of("target", "screenshots", "teacher-class-pdf-page1.png")
                            .toFile());
        }

        teacher.waitForNavigation(() -> teacher.click("#matrix a:has-text('김민지')"));
        assertThat(teacher.locator("#studentLessonsTable").innerText()).contains("Attempt 1: 100% (passed)");
        assertThat(refused)
                .as("no script refused by the Content-Security-Policy, no script error")
                .isEmpty();
        teacher.context().close();
    }

    @Test
    void anotherTeacherAndAnotherSchoolGetNotFoundForEveryClassPageAndExport() throws Exception {
        ServerDatabase.addSchool(jdbcUrl, "Far Hills School", "far-hills", "far-admin");
        Page admin = signIn("far-admin", "en", Browser.DESKTOP_WIDTH);
        Pages.addStaff(
                admin, "TEACHER", "Far Teacher", "far-teacher", "far@far.example", "lighthouse keeper reads maps");
        assertThat(Pages.messages(admin)).contains("far-teacher");
        admin.context().close();

        Page far = signIn("far-teacher", "en", Browser.DESKTOP_WIDTH);
        String farClassUrl = createClass(far, "Far 1A");
        upload(far, "name,username,password\nFay Lim,far-student,far-student-pass\n");
        assign(far, null);
        String farClass = param(farClassUrl, "id");
        String farStudent = param(far.locator("[id='roster'] a").first().getAttribute("href"), "student");

        Page mine = signIn("demo-teacher", "en", Browser.DESKTOP_WIDTH);
        mine.waitForNavigation(() -> mine.click("table a:has-text('2학년 3반')"));
        String myClass = param(mine.url(), "id");
        String myStudent = param(mine.locator("[id='roster'] a").first().getAttribute("href"), "student");
        for (String url : pagesOf(myClass, myStudent)) {
            assertThat(mine.request().get(server.uri(url).toString()).status())
                    .as("own: " + url)
                    .isEqualTo(200);
        }

        Page colleague = signIn("demo-teacher2", "en", Browser.DESKTOP_WIDTH);
        for (Page other : List.of(colleague, far)) {
            for (String url : pagesOf(myClass, myStudent)) {
                assertThat(other.request().get(server.uri(url).toString()).status())
                        .as(url)
                        .isEqualTo(404);
            }
        }
        for (String url : pagesOf(farClass, farStudent)) {
            assertThat(mine.request().get(server.uri(url).toString()).status())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(far.request()
                        .get(server.uri("teacher/student.xhtml?id=" + farClass + "&student=" + myStudent)
                                .toString())
                        .status())
                .as("another school's student in one's own class")
                .isEqualTo(404);
        assertThat(mine.request()
                        .get(server.uri("teacher/student.xhtml?id=" + myClass + "&student=" + farStudent)
                                .toString())
                        .status())
                .isEqualTo(404);
        for (String bad : List.of(
                "teacher/class-pdf?id=abc",
                "teacher/class-pdf",
                "teacher/class-pdf?id=99999999999999999999",
                "teacher/student.xhtml?id=" + myClass + "&student=abc",
                "teacher/student.xhtml?id=" + myClass)) {
            APIResponse response = mine.request().get(server.uri(bad).toString());
            assertThat(response.status()).as(bad).isEqualTo(404);
            assertThat(response.text())
                    .contains("Page not found")
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:");
        }
        Page student = signIn("far-student", "en", Browser.PHONE_WIDTH);
        assertThat(student.request()
                        .get(server.uri("teacher/class-pdf?id=" + farClass).toString())
                        .status())
                .isEqualTo(404);
        for (Page page : List.of(student, colleague, far, mine)) {
            page.context().close();
        }
    }

    private static List<String> pagesOf(String classId, String studentId) {
        return List.of(
                "teacher/class.xhtml?id=" + classId,
                "teacher/dashboard.xhtml?id=" + classId,
                "teacher/student.xhtml?id=" + classId + "&student=" + studentId,
                "teacher/class-export?id=" + classId,
                "teacher/class-pdf?id=" + classId);
    }

    private static Page signIn(String username, String lang, int width) {
        Page page = browser.open(lang, width);
        String password = username.startsWith("demo-") || username.equals("far-admin")
                ? DodamServer.DEMO_PASSWORD
                : switch (username) {
                    case "far-teacher" -> "lighthouse keeper reads maps";
                    case "far-student" -> "far-student-pass";
                    default -> username.substring(5) + "-pass-1";
                };
        Pages.signIn(
                page,
                server,
                username.startsWith("far-") ? "far-hills" : DodamServer.SCHOOL,
                username,
                OWN_PASSWORDS.getOrDefault(username, password));
        if (Pages.chooseOwnPassword(page, OWN_PASSWORD)) {
            OWN_PASSWORDS.put(username, OWN_PASSWORD); // a teacher's start password works once
        }
        page.waitForNavigation(() -> page.click("[id='language:" + lang + "']"));
        return page;
    }

    /** What each student chose at first sign-in, in place of the start password from the class list. */
    static final java.util.Map<String, String> OWN_PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    static final String OWN_PASSWORD = "blue whale rides the subway";

    private static String createClass(Page teacher, String name) {
        teacher.fill("[id='newClassForm:name']", name);
        teacher.waitForNavigation(() -> teacher.click("[id='newClassForm:create']"));
        teacher.waitForNavigation(() -> teacher.click("table a:text-is('" + name + "')"));
        return teacher.url();
    }

    private static void upload(Page page, String csv) {
        page.setInputFiles(
                "[id='import:file']", new FilePayload("class.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.waitForNavigation(() -> page.click("[id='import:submit']"));
        assertThat(Pages.messages(page)).contains("added");
    }

    private static void assign(Page teacher, LocalDate due) {
        teacher.selectOption("[id='assign:what']", new SelectOption().setValue("lesson:" + LESSON));
        if (due != null) {
            teacher.fill("[id='assign:due']", due.toString());
        }
        teacher.waitForNavigation(() -> teacher.click("[id='assign:submit']"));
        assertThat(Pages.messages(teacher)).contains("1 lesson(s) assigned");
    }

    private static String dashboardUrl(String classUrl) {
        return server.uri("teacher/dashboard.xhtml?id=" + param(classUrl, "id")).toString();
    }

    private static String param(String url, String name) {
        return url.replaceAll(".*[?&]" + name + "=(\\d+).*", "$1");
    }

    /** The form of the button as the browser would post it, so the same post can be sent twice. */
    private static String formPost(Page page, String button) {
        return page.locator(button)
                .evaluate("b => { const d = new FormData(b.form); d.append(b.name, b.value);"
                        + " return b.form.action + '\\n' + new URLSearchParams(d).toString(); }")
                .toString();
    }

    private static APIResponse post(Page page, String formPost) {
        String[] parts = formPost.split("\n", 2);
        return page.request()
                .post(
                        parts[0],
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                .setData(parts[1]));
    }
}
