package org.dodam.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Learner;
import org.dodam.testing.ServerDatabase;
import org.dodam.testing.TestPlatform;
import org.dodam.testing.TestPlatform.Person;
import org.dodam.testing.TestPlatform.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Grade passback (LTI Assignment and Grade Services) from the real WAR to the test platform: a student launched onto
 * a lesson by a course that grades it finishes the quiz while the platform's score service is down; Dodam keeps the
 * score in its database and tries again with one cached access token; Dodam is restarted; the platform comes back,
 * and the score arrives exactly once, with the fields the score service requires, for the platform's user id.
 */
class LtiGradePassbackIT {

    static final String NAME = "lti-grades";
    static final String LESSON = "dont-pass-it-on";
    static final Map<String, String> ENVIRONMENT = Map.of(
            "DODAM_DB_URL",
            DodamServer.openBeside(NAME),
            "DODAM_LTI_PASSBACK_EVERY_SECONDS",
            "1",
            "DODAM_LTI_PASSBACK_RETRY_SECONDS",
            "1");

    static DodamServer server;
    static TestPlatform platform;
    static Browser browser;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aScoreFinishedWhileThePlatformIsDownArrivesOnceAfterDodamRestarts() throws Exception {
        server = DodamServer.start(NAME, ENVIRONMENT, true);
        platform = new TestPlatform(server.base());
        Tenant moodle = platform.tenant("moodle-grades");
        moodle.offerGrades();
        HttpSession admin = HttpSession.signIn(server, "demo-admin", DodamServer.DEMO_PASSWORD);
        moodle.registerIn(admin, "Moodle");
        String target = server.uri("student/lesson.xhtml?id=" + LESSON).toString();
        moodle.person(
                "hana",
                new Person(
                        "moodle-user-31",
                        "Hana Cho",
                        List.of(TestPlatform.LEARNER),
                        "course-301",
                        "Consent 9B",
                        target,
                        null,
                        "en"));

        browser = new Browser();
        Page student = browser.open("en", Browser.DESKTOP_WIDTH);
        student.navigate(moodle.coursePage("hana"));
        student.waitForURL("**/student/lesson.xhtml?id=" + LESSON);
        assertThat(count(
                        "select count(*) from lti_grade_link where lesson_id = ? and line_item_url = ?",
                        LESSON,
                        moodle.lineItem(target)))
                .as("the launch named the lesson's grade column")
                .isEqualTo(1);

        moodle.answerScoresWith(503);
        Learner.answerAll(student, server, LESSON, true, "en");
        await(
                "the score was tried and refused twice",
                () -> moodle.scoreAnswers().stream().filter(s -> s == 503).count() >= 2);
        assertThat(moodle.scores()).isEmpty();
        assertThat(moodle.tokenRequests()).as("one token for every try").hasSize(1);
        assertThat(count("select count(*) from lti_score where sent_at is null and attempts >= 2"
                        + " and last_error = 'score service: HTTP 503'"))
                .isEqualTo(1);
        assertThat(admin.get("admin/lti.xhtml").body())
                .as("the admin sees the score waiting")
                .contains("1개 대기 중");

        server.stop();
        moodle.answerScoresWith(200);
        server = DodamServer.start(NAME, ENVIRONMENT, false);
        platform.dodamAt(server.base());
        await("the score arrived after the restart", () -> !moodle.scores().isEmpty());
        Thread.sleep(3_000); // three more rounds of the sender, which must find nothing more to send
        assertThat(moodle.scores()).as("exactly once").hasSize(1);
        Map<String, Object> score = moodle.scores().get(0);
        assertThat(score)
                .containsEntry("userId", "moodle-user-31")
                .containsEntry("scoreGiven", 100L)
                .containsEntry("scoreMaximum", 100L)
                .containsEntry("activityProgress", "Completed")
                .containsEntry("gradingProgress", "FullyGraded")
                .containsEntry(
                        "lineItem",
                        moodle.lineItem(target)
                                .replaceFirst("^.*/moodle-grades/", "")
                                .replace("?type_id=1", ""));
        Instant stamped = Instant.parse((String) score.get("timestamp"));
        assertThat(stamped)
                .as("the moment the quiz finished, not the moment it was sent")
                .isBefore(Instant.now().minusSeconds(3));
        assertThat(count("select count(*) from lti_score where sent_at is not null"))
                .isEqualTo(1);
        assertThat(moodle.tokenRequests().get(1)).containsEntry("scope", TestPlatform.SCORE_SCOPE);
        assertThat(HttpSession.signIn(server, "demo-admin", DodamServer.DEMO_PASSWORD)
                        .get("admin/lti.xhtml")
                        .body())
                .contains("대기 없음")
                .doesNotContain("개 대기 중");
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return ServerDatabase.count(DodamServer.openBeside(NAME), sql, parameters);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
