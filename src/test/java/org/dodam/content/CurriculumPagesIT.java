package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** After a fresh start every module is there; students read lessons without teacher notes or answers. */
class CurriculumPagesIT {

    static DodamServer server;
    static Browser browser;
    /** The curriculum the server loads, so the counts follow course-content/ as lessons are added. */
    static final ContentSet CURRICULUM = CourseContentReader.read(Path.of("course-content"));

    static final int STUDENT_MODULES =
            (int) CURRICULUM.modules().stream().filter(m -> !m.forStaff()).count();

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
    void studentsSeeEveryStudentModuleAndReadALessonWithoutTheAnswerKey() {
        for (String language : new String[] {"en", "ko"}) {
            for (int width : new int[] {Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH}) {
                Page page = browser.open(language, width);
                Pages.signIn(page, server, "demo-student06", DodamServer.DEMO_PASSWORD);
                page.waitForNavigation(() -> page.click("[id='language:" + language + "']"));
                assertThat(page.locator("section.module").count()).isEqualTo(STUDENT_MODULES);
                assertThat(page.content()).doesNotContain("staff-deepfake-abuse");

                page.waitForNavigation(
                        () -> page.click("text=" + ("en".equals(language) ? "Asking first" : "먼저 물어보기")));
                assertThat(page.url()).contains("/student/lesson.xhtml?id=consent-asking-first");
                page.navigate(server.uri("student/lesson.xhtml?id=consent-asking-first&section=1")
                        .toString());
                assertThat(page.locator(".lesson__section").count())
                        .as("one part at a time")
                        .isEqualTo(1);
                assertThat(page.locator("#objectives").count()).isEqualTo(1);
                int decisions = 0;
                int parts = 1;
                while (true) {
                    assertThat(page.locator(".lesson__section--teacher-notes").count())
                            .isZero();
                    assertThat(page.locator("#answerKey").count()).isZero();
                    decisions += page.locator(".decision__option").count() > 1 ? 1 : 0;
                    if (page.locator("#next").count() == 0) {
                        break;
                    }
                    page.waitForNavigation(() -> page.click("#next"));
                    parts++;
                }
                assertThat(parts).isGreaterThanOrEqualTo(3);
                assertThat(decisions)
                        .as("the decision appears once, after the scenario")
                        .isEqualTo(1);
                assertThat(page.locator("#help").innerText())
                        .contains("112")
                        .contains("117")
                        .contains("02-735-8994");
                assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                        .isEqualTo(true);
                page.navigate(page.url().replaceAll("&section=\\d+", "") + "&section=2");
                if (page.locator(".decision__option").count() > 0) {
                    page.locator(".decision__option summary").first().click();
                    assertThat(page.locator(".decision__option").first().innerText())
                            .containsAnyOf("Best choice", "가장 좋은 선택", "Think again", "다시 생각해");
                }
                Browser.screenshot(page, "lesson-student-" + language + "-" + width);
                page.context().close();
            }
        }
    }

    @Test
    void aStudentCannotOpenStaffLessonsOrUnknownOnes() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-student07", DodamServer.DEMO_PASSWORD);
        for (String id : new String[] {"staff-responding-to-a-disclosure", "no-such-lesson", "%3Cscript%3E"}) {
            Response response =
                    page.navigate(server.uri("student/lesson.xhtml?id=" + id).toString());
            assertThat(response.status()).as(id).isEqualTo(404);
        }
        page.context().close();
    }

    @Test
    void teachersSeeTheStaffModuleTeacherNotesAndTheAnswerKey() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        page.waitForNavigation(() -> page.click("text=Browse the curriculum"));
        assertThat(page.locator("section.module").count())
                .isEqualTo(CURRICULUM.modules().size());
        assertThat(page.locator("#module-staff-deepfake-abuse").count()).isEqualTo(1);
        assertThat(page.locator("section.module a[href^='family-letter']").count())
                .as("a letter to families in each language, " + "for each students' module")
                .isEqualTo(2 * STUDENT_MODULES);
        assertThat(page.locator("section.module:has(#module-staff-deepfake-abuse) a[href^='family-letter']")
                        .count())
                .isZero();
        page.navigate(server.uri("teacher/lesson.xhtml?id=what-the-law-says").toString());
        assertThat(page.locator(".lesson__section--teacher-notes").count()).isEqualTo(1);
        assertThat(page.locator(".lesson__section--teacher-notes h2").innerText())
                .isEqualTo("For the teacher");
        assertThat(page.locator("#answerKey li").count()).isGreaterThanOrEqualTo(5);
        assertThat(page.locator("#answerKey").innerText()).contains("Correct:");
        Browser.screenshot(page, "lesson-teacher-en-1280");

        page.navigate(server.uri("teacher/lesson.xhtml?id=staff-responding-to-a-disclosure")
                .toString());
        assertThat(page.locator(".lesson__section--teacher-notes h2").innerText())
                .as("staff-training notes address the person running the session")
                .isEqualTo("For the facilitator");

        var export = page.request()
                .get(server.uri("teacher/moodle-export?module=law-and-consequences&lang=ko")
                        .toString());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().get("content-disposition")).contains("dodam-law-and-consequences-ko.xml");
        assertThat(export.text()).startsWith("<?xml").contains("<quiz>").contains("type=\"multichoice\"");
        page.context().close();

        Page student = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(student, server, "demo-student08", DodamServer.DEMO_PASSWORD);
        assertThat(student.request()
                        .get(server.uri("teacher/moodle-export?module=law-and-consequences")
                                .toString())
                        .status())
                .as("students never get the answer key")
                .isEqualTo(404);
        student.context().close();
    }
}
