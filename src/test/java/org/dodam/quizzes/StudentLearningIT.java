package org.dodam.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Learner;
import org.dodam.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A student works through an assigned lesson and its quiz in the browser: resuming, failing, passing,
 * in both languages; and requests edited by hand, double submits, two tabs and a lost session change
 * nothing they should not.
 */
class StudentLearningIT {

    static final String LESSON = "consent-group-photos-and-screenshots";
    static final String OVERDUE = "if-a-fake-of-you-spreads";

    static DodamServer server;
    static Browser browser;
    static LessonDoc lesson;

    @BeforeAll
    static void start() {
        server = DodamServer.embedded();
        browser = new Browser();
        lesson = CourseContentReader.read(Path.of("course-content")).modules().stream()
                .flatMap(m -> m.lessons().stream()).filter(l -> l.id().equals(LESSON)).findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aStudentResumesFailsThenPassesAndHomeAgrees() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        signInEnglish(page, "demo-student10");
        assertThat(page.locator("#assignedTable tbody tr").count()).isEqualTo(2);
        assertThat(page.locator("#assignedTable tbody tr").first().innerText()).contains("Overdue");
        assertThat(row(page, LESSON)).contains("Not started");

        page.waitForNavigation(() -> page.click("#assignedTable a[href*='" + LESSON + "']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).startsWith("Part 1 of ");
        int parts = Integer.parseInt(page.locator("label[for=lessonProgress]").innerText().replaceAll("Part 1 of (\\d+).*", "$1"));
        page.waitForNavigation(() -> page.click("#next"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).startsWith("Part 2 of ");

        page.waitForNavigation(() -> page.click("[id='signout:signOut']"));
        signInEnglish(page, "demo-student10");
        assertThat(row(page, LESSON)).contains("In progress");
        page.waitForNavigation(() -> page.click("#assignedTable a[href*='" + LESSON + "']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).as("resumes where it stopped").startsWith("Part 2 of ");
        for (int part = 3; part <= parts; part++) {
            page.waitForNavigation(() -> page.click("#next"));
        }
        assertThat(page.locator("#help").innerText()).contains("112");
        page.waitForNavigation(() -> page.click("#quiz"));

        assertThat(page.content()).as("no feedback reaches the page before answering")
                .doesNotContain(lesson.quiz().questions().get(0).options().get(0).feedback().get("en"));
        answerAll(page, false, "en");
        assertThat(page.locator("#resultTitle").innerText()).contains("The pass mark is 70%");
        page.navigate(server.uri("student/index.xhtml").toString());
        assertThat(row(page, LESSON)).contains("In progress").contains("0%");

        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        page.waitForNavigation(() -> page.click("[id='again:retake']"));
        answerAll(page, true, "en");
        assertThat(page.locator("#resultTitle").innerText()).contains("You scored 100%").contains("You passed");
        page.navigate(server.uri("student/index.xhtml").toString());
        assertThat(row(page, LESSON)).contains("Completed").contains("100%");
        assertThat(page.locator("label[for=overall]").innerText()).contains("50%");
        page.context().close();
    }

    @Test
    void aStudentPassesInKoreanOnAPhone() {
        Page page = browser.open("ko", Browser.PHONE_WIDTH);
        Pages.signIn(page, server, "demo-student11", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:ko']"));
        Browser.screenshot(page, "student-home-ko-360");
        assertThat(Accessibility.seriousViolations(page)).as("home, ko").isEmpty();
        page.navigate(server.uri("student/lesson.xhtml?id=" + LESSON + "&section=2").toString());
        assertThat(page.locator("label[for=lessonProgress]").innerText()).contains("번째");
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).as("same part, now in English").startsWith("Part 2 of ");
        page.waitForNavigation(() -> page.click("[id='language:ko']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).contains("번째");
        Browser.screenshot(page, "student-lesson-ko-360");
        assertThat(Accessibility.seriousViolations(page)).as("lesson, ko").isEmpty();
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        Browser.screenshot(page, "student-quiz-ko-360");
        assertThat(Accessibility.seriousViolations(page)).as("quiz, ko").isEmpty();
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        answerAll(page, true, "ko");
        assertThat(page.locator("#resultTitle").innerText()).contains("통과했어요");
        page.context().close();
    }

    @Test
    void pagesHaveNoSeriousAccessibilityProblemsInEnglishOnADesktop() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        signInEnglish(page, "demo-student12");
        Browser.screenshot(page, "student-home-en-1280");
        assertThat(Accessibility.seriousViolations(page)).as("home, en").isEmpty();
        page.navigate(server.uri("student/lesson.xhtml?id=" + LESSON + "&section=2").toString());
        Browser.screenshot(page, "student-lesson-en-1280");
        assertThat(Accessibility.seriousViolations(page)).as("lesson, en").isEmpty();
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        Browser.screenshot(page, "student-quiz-en-1280");
        assertThat(Accessibility.seriousViolations(page)).as("quiz, en").isEmpty();
        page.context().close();
    }

    /**
     * A lesson part is read on a phone, often on a slow connection: it carries no Faces form and no view
     * state, and none of PrimeFaces' scripts (hundreds of kilobytes); its only forms are the header's plain
     * language and sign-out forms.
     */
    @Test
    void aLessonPageCarriesNoFacesFormNoScriptAndOneStylesheet() {
        HttpSession session = HttpSession.signIn(server, "demo-student17", DodamServer.DEMO_PASSWORD);
        String page = session.get("student/lesson.xhtml?id=" + LESSON + "&section=2").body();
        assertThat(page).contains("id=\"currentSection\"").doesNotContain("jakarta.faces.ViewState")
                .doesNotContain("jquery").doesNotContain("core.js").doesNotContain("components.js")
                .as("no PrimeFaces theme, icons or settings script").doesNotContain("jakarta.faces.resource")
                .doesNotContain("<script");
        Matcher stylesheet = Pattern.compile("<link rel=\"stylesheet\" href=\"(/resources/dodam/css/dodam\\.css\\?v=[0-9a-f]{12})\"")
                .matcher(page);
        assertThat(stylesheet.find()).as("the stylesheet, versioned by its content").isTrue();
        HttpResponse<String> css = session.get(stylesheet.group(1).substring(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("body.dodam");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=604800");
        Matcher forms = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(page);
        List<String> actions = new ArrayList<>();
        while (forms.find()) {
            actions.add(forms.group(1));
        }
        assertThat(actions).containsExactly("/language", "/sign-out");
        assertThat(session.get("student/quiz.xhtml?id=" + LESSON).body()).as("a page with a Faces form keeps its scripts")
                .contains("jakarta.faces.ViewState").contains("core.js").contains(stylesheet.group(1));
    }

    /** Many lesson pages opened at once in one session (tabs, a reload storm) all show their lesson. */
    @Test
    void lessonPagesOpenedAtOnceInOneSessionAllAnswer() throws Exception {
        HttpSession session = HttpSession.signIn(server, "demo-student16", DodamServer.DEMO_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<HttpResponse<String>>> pages = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int section = i % 3 + 1;
                pages.add(pool.submit(() -> session.get("student/lesson.xhtml?id=" + LESSON + "&section=" + section)));
            }
            for (Future<HttpResponse<String>> answer : pages) {
                HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("id=\"currentSection\"");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doubleSubmitsBackButtonAndTwoTabsAddNothing() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        signInEnglish(page, "demo-student13");
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        Page second = page.context().newPage();
        second.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());

        Question first = lesson.quiz().questions().get(0);
        choose(page, first, true, "en");
        page.waitForNavigation(() -> page.click("[id='quiz:submit']"));
        assertThat(answered(page)).isEqualTo(1);

        page.goBack();
        page.waitForLoadState();
        assertThat(answered(page)).as("going back shows the saved state, not a form to send again").isEqualTo(1);
        assertThat(page.content()).doesNotContain(first.prompt().get("en"));

        choose(second, first, false, "en");
        second.waitForNavigation(() -> second.click("[id='quiz:submit']"));
        assertThat(answered(second)).as("the same question from a second tab").isEqualTo(1);
        assertThat(second.locator("#feedbackTitle").innerText()).as("the first answer stands").isEqualTo("Right.");
        page.context().close();
    }

    @Test
    void editedRequestsCannotReachOtherLessonsOrInventAnswers() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        signInEnglish(page, "demo-student14");
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        String questionId = lesson.quiz().questions().get(0).id();

        var staff = page.request().post(server.uri("student/quiz.xhtml?id=staff-responding-to-a-disclosure").toString(),
                com.microsoft.playwright.options.RequestOptions.create().setForm(form(page, "q1", "a")));
        assertThat(staff.status()).isEqualTo(404);
        assertThat(page.request().get(server.uri("student/quiz.xhtml?id=staff-responding-to-a-disclosure").toString()).status())
                .isEqualTo(404);

        var invented = page.request().post(server.uri("student/quiz.xhtml?id=" + LESSON).toString(),
                com.microsoft.playwright.options.RequestOptions.create().setForm(form(page, questionId, "zz")));
        assertThat(invented.status()).isLessThan(500);
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        assertThat(answered(page)).as("an option that does not exist is refused").isZero();

        var unknown = page.request().post(server.uri("student/quiz.xhtml?id=" + LESSON).toString(),
                com.microsoft.playwright.options.RequestOptions.create().setForm(form(page, "no-such-question", "a")));
        assertThat(unknown.status()).isLessThan(500);
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        assertThat(answered(page)).isZero();
        assertThat(page.content()).doesNotContain("Correct:");
        page.context().close();
    }

    @Test
    void aSessionThatExpiresMidQuizLosesNoSavedAnswer() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        signInEnglish(page, "demo-student15");
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        for (int i = 0; i < 2; i++) {
            choose(page, lesson.quiz().questions().get(i), true, "en");
            page.waitForNavigation(() -> page.click("[id='quiz:submit']"));
            page.waitForNavigation(() -> page.click("#nextQuestion"));
        }
        page.context().clearCookies();
        choose(page, lesson.quiz().questions().get(2), true, "en");
        page.waitForNavigation(() -> page.click("[id='quiz:submit']"));
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(page.content()).doesNotContain(".java:");
        Pages.signIn(page, server, "demo-student15", DodamServer.DEMO_PASSWORD);
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        assertThat(answered(page)).as("both saved answers are still there").isGreaterThanOrEqualTo(2);
        page.context().close();
    }

    /** The quiz form exactly as the page would send it, with the question and choice edited by hand. */
    @SuppressWarnings("unchecked")
    private static FormData form(Page page, String question, String choice) {
        var fields = (java.util.Map<String, String>) page.evaluate(
                "() => Object.fromEntries([...new FormData(document.getElementById('quiz'))])");
        FormData form = FormData.create();
        fields.forEach(form::set);
        return form.set("question", question).set("choice", choice).set("quiz:submit", "Check");
    }

    private void answerAll(Page page, boolean right, String lang) {
        Learner.answerAll(page, server, LESSON, right, lang);
    }

    private static void choose(Page page, Question question, boolean right, String lang) {
        Learner.choose(page, question, right, lang);
    }

    private static int answered(Page page) {
        Matcher m = Pattern.compile("(\\d+)").matcher(page.locator("label[for=quizProgress]").innerText());
        m.find();
        return Integer.parseInt(m.group(1));
    }

    private static String row(Page page, String lessonId) {
        return page.locator("#assignedTable tr:has(a[href*='" + lessonId + "'])").innerText();
    }

    private static void signInEnglish(Page page, String username) {
        Pages.signIn(page, server, username, DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:en']"));
    }
}
