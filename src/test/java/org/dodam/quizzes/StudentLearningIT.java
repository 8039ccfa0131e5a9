package org.dodam.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Learner;
import org.dodam.testing.Pages;
import org.dodam.testing.PlainForm;
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
                .flatMap(m -> m.lessons().stream())
                .filter(l -> l.id().equals(LESSON))
                .findFirst()
                .orElseThrow();
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
        int parts = Integer.parseInt(
                page.locator("label[for=lessonProgress]").innerText().replaceAll("Part 1 of (\\d+).*", "$1"));
        page.waitForNavigation(() -> page.click("#next"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).startsWith("Part 2 of ");

        page.waitForNavigation(() -> page.click("[id='signout:signOut']"));
        signInEnglish(page, "demo-student10");
        assertThat(row(page, LESSON)).contains("In progress");
        page.waitForNavigation(() -> page.click("#assignedTable a[href*='" + LESSON + "']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText())
                .as("resumes where it stopped")
                .startsWith("Part 2 of ");
        for (int part = 3; part <= parts; part++) {
            page.waitForNavigation(() -> page.click("#next"));
        }
        assertThat(page.locator("#help").innerText()).contains("112");
        page.waitForNavigation(() -> page.click("#quiz"));

        assertThat(page.content())
                .as("no feedback reaches the page before answering")
                .doesNotContain(lesson.quiz()
                        .questions()
                        .get(0)
                        .options()
                        .get(0)
                        .feedback()
                        .get("en"));
        answerAll(page, false, "en");
        assertThat(page.locator("#resultTitle").innerText()).contains("The pass mark is 70%");
        page.navigate(server.uri("student/index.xhtml").toString());
        assertThat(row(page, LESSON)).contains("In progress").contains("0%");

        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        page.waitForNavigation(() -> page.click("[id='again:retake']"));
        answerAll(page, true, "en");
        assertThat(page.locator("#resultTitle").innerText())
                .contains("You scored 100%")
                .contains("You passed");
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
        page.navigate(
                server.uri("student/lesson.xhtml?id=" + LESSON + "&section=2").toString());
        assertThat(page.locator("label[for=lessonProgress]").innerText()).contains("번째");
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText())
                .as("same part, now in English")
                .startsWith("Part 2 of ");
        page.waitForNavigation(() -> page.click("[id='language:ko']"));
        assertThat(page.locator("label[for=lessonProgress]").innerText()).contains("번째");
        Browser.screenshot(page, "student-lesson-ko-360");
        assertThat(Accessibility.seriousViolations(page)).as("lesson, ko").isEmpty();
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        Browser.screenshot(page, "student-quiz-ko-360");
        assertThat(Accessibility.seriousViolations(page)).as("quiz, ko").isEmpty();
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
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
        page.navigate(
                server.uri("student/lesson.xhtml?id=" + LESSON + "&section=2").toString());
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
        String page =
                session.get("student/lesson.xhtml?id=" + LESSON + "&section=2").body();
        assertThat(page)
                .contains("id=\"currentSection\"")
                .doesNotContain("jakarta.faces.ViewState")
                .doesNotContain("jquery")
                .doesNotContain("core.js")
                .doesNotContain("components.js")
                .as("no PrimeFaces theme, icons or settings script")
                .doesNotContain("jakarta.faces.resource")
                .doesNotContain("<script");
        Matcher stylesheet = Pattern.compile(
                        "<link rel=\"stylesheet\" href=\"(/resources/dodam/css/dodam\\.css\\?v=[0-9a-f]{12})\"")
                .matcher(page);
        assertThat(stylesheet.find())
                .as("the stylesheet, versioned by its content")
                .isTrue();
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
        assertThat(session.get("student/quiz.xhtml?id=" + LESSON).body())
                .as("a page with a Faces form keeps its scripts")
                .contains("jakarta.faces.ViewState")
                .contains("core.js")
                .contains(stylesheet.group(1));
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
        assertThat(answered(page))
                .as("going back shows the saved state, not a form to send again")
                .isEqualTo(1);
        assertThat(page.content()).doesNotContain(first.prompt().get("en"));

        choose(second, first, false, "en");
        second.waitForNavigation(() -> second.click("[id='quiz:submit']"));
        assertThat(answered(second)).as("the same question from a second tab").isEqualTo(1);
        assertThat(second.locator("#feedbackTitle").innerText())
                .as("the first answer stands")
                .isEqualTo("Right.");
        page.context().close();
    }

    @Test
    void editedRequestsCannotReachOtherLessonsOrInventAnswers() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        signInEnglish(page, "demo-student14");
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        String questionId = lesson.quiz().questions().get(0).id();

        var staff = page.request()
                .post(
                        server.uri("student/quiz.xhtml?id=staff-responding-to-a-disclosure")
                                .toString(),
                        com.microsoft.playwright.options.RequestOptions.create().setForm(form(page, "q1", "a")));
        assertThat(staff.status()).isEqualTo(404);
        assertThat(page.request()
                        .get(server.uri("student/quiz.xhtml?id=staff-responding-to-a-disclosure")
                                .toString())
                        .status())
                .isEqualTo(404);

        var invented = page.request()
                .post(
                        server.uri("student/quiz.xhtml?id=" + LESSON).toString(),
                        com.microsoft.playwright.options.RequestOptions.create().setForm(form(page, questionId, "zz")));
        assertThat(invented.status()).isLessThan(500);
        page.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        assertThat(answered(page))
                .as("an option that does not exist is refused")
                .isZero();

        var unknown = page.request()
                .post(
                        server.uri("student/quiz.xhtml?id=" + LESSON).toString(),
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setForm(form(page, "no-such-question", "a")));
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

    /**
     * A middle- or high-school lesson opens with its content note in the reader's language: what it is about,
     * that they may stop, and where to get help; later parts and an upper-elementary lesson do not repeat it.
     */
    @Test
    void theFirstPartOpensWithTheContentNoteInBothLanguages() {
        Page page = browser.open("en", Browser.PHONE_WIDTH);
        signInEnglish(page, "demo-student09");
        page.navigate(
                server.uri("student/lesson.xhtml?id=" + LESSON + "&section=1").toString());
        String note = page.locator("#contentNote").innerText();
        assertThat(note)
                .contains(
                        "Before you start",
                        lesson.texts().get("en").contentNote(),
                        "You can stop, take a break or step out at any time",
                        "talk to an adult you trust",
                        "Tell someone",
                        "112");
        assertThat(page.locator("#contentNote a").getAttribute("href")).contains("/report/index.xhtml?s=");
        assertThat(page.locator("#contentNote ~ section h2#objectives").count())
                .as("the note comes first")
                .isEqualTo(1);
        Browser.screenshot(page, "student-lesson-note-en-360");
        assertThat(Accessibility.seriousViolations(page))
                .as("lesson with its note, en")
                .isEmpty();
        page.waitForNavigation(() -> page.click("[id='language:ko']"));
        assertThat(page.locator("#contentNote").innerText())
                .contains(
                        "시작하기 전에", lesson.texts().get("ko").contentNote(), "언제든 멈추거나 쉬거나 잠시 자리를 비워도 괜찮아요", "누군가에게 말하기");
        Browser.screenshot(page, "student-lesson-note-ko-360");
        page.navigate(
                server.uri("student/lesson.xhtml?id=" + LESSON + "&section=2").toString());
        assertThat(page.locator("#contentNote").count()).as("part 2").isZero();
        page.navigate(server.uri("student/lesson.xhtml?id=tricky-requests-online&section=1")
                .toString());
        assertThat(page.locator("#objectives").count()).isEqualTo(1);
        assertThat(page.locator("#contentNote").count())
                .as("an upper-elementary lesson without a note")
                .isZero();
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        page.context().close();
    }

    /**
     * The page source of a quiz gives no answer away. Every question of every quiz in the lesson's module is
     * read as raw HTML and answered over plain HTTP, as a browser without JavaScript does: the choices carry
     * opaque tokens, no form control, link or address holds an authored option id, and the right options are
     * found by their text alone.
     */
    @Test
    void everyQuizQuestionOfAModuleCarriesTokensNotOptionIdsAndWorksWithoutJavaScript() {
        HttpSession student = HttpSession.signIn(server, "demo-student18", DodamServer.DEMO_PASSWORD);
        for (LessonDoc quizLesson : moduleOf(LESSON).lessons()) {
            Set<String> authored = optionIds(quizLesson);
            String page =
                    student.get("student/quiz.xhtml?id=" + quizLesson.id()).body();
            String lang = language(page);
            List<Question> questions = quizLesson.quiz().questions();
            for (int i = 0; i < questions.size(); i++) {
                Question question = questions.get(i);
                PlainForm form = PlainForm.of(page, "quiz");
                assertThat(form.hidden()).contains(Map.entry("question", question.id()));
                assertThat(form.choices())
                        .extracting(PlainForm.Choice::label)
                        .containsExactlyInAnyOrderElementsOf(question.options().stream()
                                .map(o -> o.text().get(lang))
                                .toList());
                assertThat(form.choices()).extracting(PlainForm.Choice::value).allMatch(v -> v.matches("[0-9a-f]{32}"));
                assertNoOptionId(page, authored, quizLesson.id() + " " + question.id());
                HttpResponse<String> answered =
                        student.post(form.action(), form.send("submit", rightChoices(form, question, lang)));
                assertThat(answered.uri().getQuery())
                        .as("the address after answering")
                        .doesNotContainPattern("choice|option");
                assertNoOptionId(answered.body(), authored, quizLesson.id() + " " + question.id() + " feedback");
                assertThat(answered.body()).contains("en".equals(lang) ? "Right." : "맞아요.");
                page = i + 1 < questions.size()
                        ? student.get("student/quiz.xhtml?id=" + quizLesson.id())
                                .body()
                        : answered.body();
            }
            assertThat(page).as(quizLesson.id()).contains("en".equals(lang) ? "You scored 100%" : "100%");
        }
    }

    /** Options are in the same order under the same tokens on every reload of an attempt, in no other attempt. */
    @Test
    void eachStudentAndAttemptGetsItsOwnOrderAndTokens() {
        HttpSession first = HttpSession.signIn(server, "demo-student19", DodamServer.DEMO_PASSWORD);
        HttpSession second = HttpSession.signIn(server, "demo-student20", DodamServer.DEMO_PASSWORD);
        String quiz = "student/quiz.xhtml?id=" + LESSON;
        assertThat(PlainForm.of(first.get(quiz).body(), "quiz").choices())
                .as("a reload")
                .isEqualTo(PlainForm.of(first.get(quiz).body(), "quiz").choices());

        List<List<PlainForm.Choice>> firstAttempt = takeRightly(first);
        List<List<PlainForm.Choice>> otherStudent = takeRightly(second);
        PlainForm again = PlainForm.of(first.get(quiz).body(), "again");
        first.post(again.action(), again.send("retake", List.of()));
        List<List<PlainForm.Choice>> secondAttempt = takeRightly(first);

        List<List<List<PlainForm.Choice>>> all = List.of(firstAttempt, otherStudent, secondAttempt);
        Set<String> tokens = new HashSet<>();
        all.forEach(attempt -> attempt.forEach(choices -> choices.forEach(c -> assertThat(tokens.add(c.value()))
                .as("a token shown in another attempt")
                .isTrue())));
        Set<List<String>> orders = new HashSet<>();
        all.forEach(attempt -> orders.add(attempt.stream()
                .flatMap(List::stream)
                .map(PlainForm.Choice::label)
                .toList()));
        assertThat(orders)
                .as("the order of every option of the quiz, in three attempts")
                .hasSize(3);
    }

    /** A token the page did not carry (an authored id, another student's, an edited one) is refused with a message. */
    @Test
    void aForgedOrForeignTokenIsRefusedWithAMessage() {
        HttpSession student = HttpSession.signIn(server, "demo-student23", DodamServer.DEMO_PASSWORD);
        HttpSession other = HttpSession.signIn(server, "demo-student25", DodamServer.DEMO_PASSWORD);
        String quiz = "student/quiz.xhtml?id=" + LESSON;
        Question question = lesson.quiz().questions().get(0);
        String page = student.get(quiz).body();
        String lang = language(page);
        PlainForm form = PlainForm.of(page, "quiz");
        String right = rightChoices(form, question, lang).get(0);
        PlainForm foreign = PlainForm.of(other.get(quiz).body(), "quiz");
        String othersRight = rightChoices(
                        foreign, question, language(other.get(quiz).body()))
                .get(0);
        String edited = (right.charAt(0) == '0' ? "1" : "0") + right.substring(1);
        for (String forged : List.of(
                question.options().stream()
                        .filter(o -> o.correct())
                        .findFirst()
                        .orElseThrow()
                        .id(),
                othersRight,
                edited,
                "0".repeat(32))) {
            HttpResponse<String> refused = student.post(form.action(), form.send("submit", List.of(forged)));
            assertThat(refused.statusCode()).as(forged).isEqualTo(200);
            assertThat(refused.body())
                    .as(forged)
                    .contains(
                            "en".equals(lang)
                                    ? "That answer could not be used. Choose from the options shown."
                                    : "이 답은 쓸 수 없어요");
            assertThat(PlainForm.of(refused.body(), "quiz").hidden()).contains(Map.entry("question", question.id()));
        }
        HttpResponse<String> accepted = student.post(form.action(), form.send("submit", List.of(right)));
        assertThat(accepted.body()).contains("en".equals(lang) ? "Right." : "맞아요.");
    }

    /** The quiz form exactly as the page would send it, with the question and choice edited by hand. */
    @SuppressWarnings("unchecked")
    private static FormData form(Page page, String question, String choice) {
        var fields = (java.util.Map<String, String>)
                page.evaluate("() => Object.fromEntries([...new FormData(document.getElementById('quiz'))])");
        FormData form = FormData.create();
        fields.forEach(form::set);
        return form.set("question", question).set("choice", choice).set("quiz:submit", "Check");
    }

    /** Answers the whole quiz of {@link #LESSON} rightly over plain HTTP; the choices of each question as shown. */
    private static List<List<PlainForm.Choice>> takeRightly(HttpSession student) {
        List<List<PlainForm.Choice>> shown = new ArrayList<>();
        for (Question question : lesson.quiz().questions()) {
            String page = student.get("student/quiz.xhtml?id=" + LESSON).body();
            PlainForm form = PlainForm.of(page, "quiz");
            shown.add(form.choices());
            student.post(form.action(), form.send("submit", rightChoices(form, question, language(page))));
        }
        return shown;
    }

    /** The values of the right options of a question, found by the text of their labels. */
    private static List<String> rightChoices(PlainForm form, Question question, String lang) {
        Set<String> right = question.options().stream()
                .filter(o -> o.correct())
                .map(o -> o.text().get(lang))
                .collect(Collectors.toSet());
        List<String> values = form.choices().stream()
                .filter(c -> right.contains(c.label()))
                .map(PlainForm.Choice::value)
                .toList();
        assertThat(values)
                .as("the right options of " + question.id() + " by their text")
                .hasSize(right.size());
        return values;
    }

    /**
     * No form control on the page (name, value, id or label target) holds an authored option id, whole or as a
     * part between punctuation ("choice-a", "q1:a"), and no link passes one as a parameter.
     */
    private static void assertNoOptionId(String page, Set<String> authored, String where) {
        for (String[] attribute : PlainForm.controlAttributes(page)) {
            if (List.of("name", "value", "id", "for").contains(attribute[1])) {
                assertThat(attribute[2].split("[^A-Za-z0-9]+"))
                        .as(where + ": <" + attribute[0] + " " + attribute[1] + "=\"" + attribute[2] + "\">")
                        .doesNotContainAnyElementsOf(authored);
            }
        }
        Matcher parameters = Pattern.compile("[?&;]([\\w.:-]+)=([^&\"#]*)").matcher(page);
        while (parameters.find()) {
            assertThat(parameters.group(1)).as(where).isNotIn("choice", "option");
            assertThat(authored).as(where + ": a link parameter").doesNotContain(parameters.group(2));
        }
    }

    private static Set<String> optionIds(LessonDoc quizLesson) {
        return quizLesson.quiz().questions().stream()
                .flatMap(q -> q.options().stream())
                .map(o -> o.id())
                .collect(Collectors.toSet());
    }

    private static ModuleDoc moduleOf(String lessonId) {
        return CourseContentReader.read(Path.of("course-content")).modules().stream()
                .filter(m -> m.lessons().stream().anyMatch(l -> l.id().equals(lessonId)))
                .findFirst()
                .orElseThrow();
    }

    private static String language(String page) {
        Matcher lang = Pattern.compile("<html[^>]*\\blang=\"(\\w+)\"").matcher(page);
        return lang.find() ? lang.group(1) : "en";
    }

    private void answerAll(Page page, boolean right, String lang) {
        Learner.answerAll(page, server, LESSON, right, lang);
    }

    private static void choose(Page page, Question question, boolean right, String lang) {
        Learner.choose(page, question, right, lang);
    }

    private static int answered(Page page) {
        Matcher m = Pattern.compile("(\\d+)")
                .matcher(page.locator("label[for=quizProgress]").innerText());
        m.find();
        return Integer.parseInt(m.group(1));
    }

    private static String row(Page page, String lessonId) {
        return page.locator("#assignedTable tr:has(a[href*='" + lessonId + "'])")
                .innerText();
    }

    private static void signInEnglish(Page page, String username) {
        Pages.signIn(page, server, username, DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:en']"));
    }
}
