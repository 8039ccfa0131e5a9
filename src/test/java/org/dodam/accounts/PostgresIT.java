package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.EarlierRows;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Learner;
import org.dodam.testing.Pages;
import org.dodam.testing.Postgres;
import org.dodam.testing.ReportPlacement;
import org.dodam.testing.Reporting;
import org.dodam.testing.ServerDatabase;
import org.dodam.testing.TestPlatform;
import org.dodam.testing.TestPlatform.Person;
import org.dodam.testing.TestPlatform.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production set-up: the same WAR against PostgreSQL, configured only by environment variables.
 * The first school, administrator and counsellor come from DODAM_SETUP_*, and the demo school is refused.
 */
class PostgresIT {

    static final String DATABASE = "dodam_it";
    /** The set-up's passwords are start passwords: the admin and the counsellor choose these at first sign-in. */
    static final String ADMIN_OWN = "copper tulips guard the gate";

    static final String COUNSELLOR_OWN = "silver heron reads at dusk";
    static DodamServer server;
    static Browser browser;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        url = Postgres.freshDatabase(DATABASE);
        server = DodamServer.shared(
                "postgres",
                Map.of(
                        "DODAM_DB_URL", url,
                        "DODAM_DB_USER", "postgres",
                        "DODAM_DEMO", "true",
                        "DODAM_SETUP_SCHOOL", "Hangang High School",
                        "DODAM_SETUP_COUNTRY", "KR",
                        "DODAM_SETUP_ADMIN", "hangang-admin",
                        "DODAM_SETUP_ADMIN_PASSWORD", "first-admin-pass",
                        "DODAM_SETUP_COUNSELLOR", "pg-counsellor",
                        "DODAM_SETUP_COUNSELLOR_PASSWORD", "counsellor-pass-1",
                        "DODAM_LTI_PASSBACK_EVERY_SECONDS", "1"));
        HttpSession.signIn(server, "hangang-admin", "first-admin-pass").chooseOwnPasswordIfAsked("admin", ADMIN_OWN);
        HttpSession.signIn(server, "pg-counsellor", "counsellor-pass-1")
                .chooseOwnPasswordIfAsked("counsellor", COUNSELLOR_OWN);
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void migrationsRanOnPostgresAndTheDemoSchoolWasRefused() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            ResultSet versions = connection
                    .createStatement()
                    .executeQuery("select count(*) from flyway_schema_history where success");
            versions.next();
            assertThat(versions.getInt(1)).isPositive();
            ResultSet admins = connection
                    .createStatement()
                    .executeQuery("select username from account where role = 'SCHOOL_ADMIN'");
            admins.next();
            assertThat(admins.getString(1)).isEqualTo("hangang-admin");
            assertThat(admins.next()).as("only the set-up administrator").isFalse();
            ResultSet demo = connection
                    .createStatement()
                    .executeQuery("select count(*) from account where username like 'demo-%'");
            demo.next();
            assertThat(demo.getInt(1)).as("no demo accounts").isZero();
            ResultSet counsellor = connection
                    .createStatement()
                    .executeQuery("select a.active, a.awaiting_confirmation,"
                            + " (select count(*) from audit_event e where e.action = 'COUNSELLOR_SET_UP' and e.detail = a.username)"
                            + " from account a where a.username = 'pg-counsellor' and a.role = 'COUNSELLOR'");
            assertThat(counsellor.next()).as("the set-up counsellor").isTrue();
            assertThat(counsellor.getBoolean(1)).isTrue();
            assertThat(counsellor.getBoolean(2))
                    .as("confirmed by the operator's set-up")
                    .isFalse();
            assertThat(counsellor.getInt(3))
                    .as("an audit line for the counsellors")
                    .isEqualTo(1);
        }
        assertThat(server.logText()).contains("the demo school is refused");
    }

    @Test
    void aCoursesRosterAndQuizScoresTravelBetweenItsPlatformAndDodamOnPostgres() throws Exception {
        String lesson = "dont-pass-it-on";
        try (TestPlatform platform = new TestPlatform(server.base())) {
            Tenant moodle = platform.tenant("pg-moodle");
            moodle.offerGrades();
            moodle.roster(List.of(
                    Map.of("user_id", "pg-learner-1", "name", "Hana Yoon", "roles", List.of(TestPlatform.LEARNER)),
                    Map.of("user_id", "pg-learner-2", "name", "Minho Kang", "roles", List.of(TestPlatform.LEARNER))));
            assertThat(moodle.registerIn(HttpSession.signIn(server, "hangang-admin", ADMIN_OWN), "Moodle"))
                    .containsAnyOf("is registered", "등록되었습니다");
            String target = server.uri("student/lesson.xhtml?id=" + lesson).toString();
            moodle.person(
                    "teacher",
                    new Person(
                            "pg-teacher",
                            "Ms Yoon",
                            List.of(TestPlatform.INSTRUCTOR),
                            "pg-course",
                            "Consent 8A",
                            target,
                            null,
                            "en"));
            moodle.person(
                    "learner",
                    new Person(
                            "pg-learner-1",
                            "Hana Yoon",
                            List.of(TestPlatform.LEARNER),
                            "pg-course",
                            "Consent 8A",
                            target,
                            null,
                            "en"));

            Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
            teacher.navigate(moodle.coursePage("teacher"));
            teacher.waitForURL("**/teacher/dashboard.xhtml?id=*");
            String members = "select count(*) from class_membership m join lti_context c on c.class_id = m.class_id"
                    + " where c.context_id = 'pg-course'";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ServerDatabase.count(url, members) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(ServerDatabase.count(url, members))
                    .as("the roster, read before the students came")
                    .isEqualTo(2);

            Page student = browser.open("en", Browser.DESKTOP_WIDTH);
            student.navigate(moodle.coursePage("learner"));
            student.waitForURL("**/student/lesson.xhtml?id=" + lesson);
            assertThat(student.getAttribute("html", "lang"))
                    .as("the roster gave no language; her first launch did")
                    .isEqualTo("en");
            Learner.answerAll(student, server, lesson, true, "en");
            while (moodle.scores().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(moodle.scores()).hasSize(1);
            assertThat(moodle.scores().get(0))
                    .containsEntry("userId", "pg-learner-1")
                    .containsEntry("scoreGiven", 100L);
            assertThat(ServerDatabase.count(url, "select count(*) from lti_score where sent_at is not null"))
                    .isEqualTo(1);
            assertThat(ServerDatabase.count(url, members))
                    .as("her launch found the person the roster made")
                    .isEqualTo(2);
            assertThat(HttpSession.signIn(server, "hangang-admin", ADMIN_OWN)
                            .get("admin/lti.xhtml")
                            .body())
                    .as("the grouped count of unsent scores")
                    .contains("대기 없음");
            teacher.context().close();
            student.context().close();
        }
    }

    @Test
    void theSetUpAdministratorAddsATeacherWhoCanSignIn() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "hangang-admin", ADMIN_OWN);
        assertThat(page.url()).endsWith("/admin/index.xhtml");
        Pages.addStaff(page, "TEACHER", "박지훈", "park-teacher", "park@hangang.example", "teacher-pass-1");
        assertThat(page.locator("[id='staffList'] tbody").innerText()).contains("park-teacher");
        page.context().close();

        Page teacher = browser.open("ko", Browser.PHONE_WIDTH);
        Pages.signIn(teacher, server, "park-teacher", "teacher-pass-1");
        assertThat(Pages.chooseOwnPassword(teacher, "pine heron sketches rivers"))
                .as("the admin's password is a start password")
                .isTrue();
        assertThat(teacher.url()).endsWith("/teacher/index.xhtml");
        teacher.fill("[id='newClassForm:name']", "1학년 2반");
        teacher.waitForNavigation(() -> teacher.click("[id='newClassForm:create']"));
        assertThat(teacher.locator("table").innerText()).contains("1학년 2반");
        teacher.context().close();
    }

    @Test
    void anAnonymousReportIsSealedInPostgresAndReachesTheSchoolsCounsellor() throws Exception {
        String marker = "pg-report-" + java.util.UUID.randomUUID();
        String linkKey;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            ResultSet channel = connection.createStatement().executeQuery("select link_key from report_channel");
            channel.next();
            linkKey = channel.getString(1);
        }
        Page reporter = browser.open("en", Browser.PHONE_WIDTH);
        reporter.navigate(server.uri("report/index.xhtml?s=" + linkKey).toString());
        String code = Reporting.send(reporter, 1, 4, false, "school forum thread", marker);
        assertThat(code).matches(Reporting.RECEIPT);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            ResultSet rows = connection.createStatement().executeQuery("select * from incident_report");
            int reports = 0;
            while (rows.next()) {
                reports++;
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    row.append(rows.getString(c)).append('|');
                }
                assertThat(row.toString())
                        .doesNotContain(marker)
                        .doesNotContain("school forum")
                        .doesNotContain(code.replace("-", ""));
                assertThat(rows.getString("sealed_description")).startsWith("v2.");
                assertThat(rows.getLong("id"))
                        .as("a random id apart from the shared counter")
                        .isGreaterThanOrEqualTo(1L << 52);
            }
            assertThat(reports).isPositive();
            ResultSet times = connection
                    .createStatement()
                    .executeQuery(
                            "select column_name from information_schema.columns "
                                    + "where table_name = 'incident_report' and data_type like 'timestamp%' order by column_name");
            java.util.List<String> columns = new java.util.ArrayList<>();
            while (times.next()) {
                columns.add(times.getString(1));
            }
            assertThat(columns)
                    .as("the only times on a report are counsellors' actions")
                    .containsExactly("closed_at", "first_response_at", "mandatory_flagged_at", "mandatory_reported_at");
        }

        // The school's first counsellor came from DODAM_SETUP_COUNSELLOR: one the admin adds is only proposed.
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "pg-counsellor", COUNSELLOR_OWN);
        Pages.useLanguage(counsellor, "en");
        Reporting.openCase(counsellor, server, marker);
        counsellor.fill("[id='reply:text']", "Thank you. We are looking into it.");
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));

        reporter.navigate(server.uri("report/follow-up.xhtml?s=" + linkKey).toString());
        reporter.fill("[id='followUp:code']", code);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
        assertThat(reporter.textContent("#messagesList")).contains("We are looking into it.");
    }

    @Test
    void theSchoolCannotPlaceAReportAmongAStudentsClicksOnPostgres() throws Exception {
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "hangang-admin", ADMIN_OWN);
        Pages.addStaff(
                admin, "TEACHER", "Kim Adversary-Test", "pg-class-teacher", "kim@hangang.example", "teacher-pass-2");
        admin.context().close();
        Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(teacher, server, "pg-class-teacher", "teacher-pass-2");
        assertThat(Pages.chooseOwnPassword(teacher, "pine heron sketches rivers"))
                .isTrue();
        Pages.useLanguage(teacher, "en");
        teacher.fill("[id='newClassForm:name']", "Year 7 Consent");
        teacher.waitForNavigation(() -> teacher.click("[id='newClassForm:create']"));
        teacher.waitForNavigation(() -> teacher.click("table a:has-text('Year 7 Consent')"));
        teacher.fill("[id='add:name']", "Seo Yuna");
        teacher.fill("[id='add:username']", "pg-student-yuna");
        teacher.fill("[id='add:password']", "student-pass-1");
        teacher.waitForNavigation(() -> teacher.click("[id='add:submit']"));
        assertThat(teacher.locator("[id='roster'] tbody").innerText()).contains("pg-student-yuna");
        teacher.context().close();
        Page yuna = browser.open("en", Browser.PHONE_WIDTH);
        Pages.signIn(yuna, server, "pg-student-yuna", "student-pass-1");
        assertThat(Pages.chooseOwnPassword(yuna, "tiger ramen bicycle moon"))
                .as("a start password from the teacher")
                .isTrue();
        yuna.context().close();
        String linkKey;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            ResultSet channel = connection.createStatement().executeQuery("select link_key from report_channel");
            channel.next();
            linkKey = channel.getString(1);
        }
        ReportPlacement.tryToPlace(
                new ReportPlacement.Scene(
                        server,
                        browser,
                        url,
                        "postgres",
                        "",
                        "pg-student-yuna",
                        "tiger ramen bicycle moon",
                        "pg-counsellor",
                        COUNSELLOR_OWN,
                        server.uri("report/index.xhtml?s=" + linkKey).toString(),
                        Map.of()),
                () -> {});
    }

    /**
     * A school upgrading on PostgreSQL from before schema version 6: a case on counter ids (made here in the stored
     * format, beside the running server) gets random ids when the new version starts on the database.
     */
    @Test
    void casesWrittenBeforeCaseIdsWereRandomAreGivenRandomIdsOnPostgres() throws Exception {
        String description = "pg-earlier-" + java.util.UUID.randomUUID();
        String reply = "pg-earlier-reply-" + java.util.UUID.randomUUID();
        String linkKey;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            ResultSet channel = connection.createStatement().executeQuery("select link_key from report_channel");
            channel.next();
            linkKey = channel.getString(1);
        }
        Page reporter = browser.open("en", Browser.PHONE_WIDTH);
        reporter.navigate(server.uri("report/index.xhtml?s=" + linkKey).toString());
        String code = Reporting.send(reporter, 1, 4, false, "", description);
        Page counsellor = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, "pg-counsellor", COUNSELLOR_OWN);
        Reporting.openCase(counsellor, server, description);
        counsellor.fill("[id='reply:text']", reply);
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));

        java.nio.file.Path keyFile = server.dataDirectory().resolve("master.key");
        long earlierId = 1_000_377;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            EarlierRows.make(connection, java.nio.file.Files.readString(keyFile), description, earlierId);
        }
        DodamServer upgraded = DodamServer.start(
                "postgres-upgraded",
                Map.of("DODAM_DB_URL", url, "DODAM_DB_USER", "postgres", "DODAM_MASTER_KEY_FILE", keyFile.toString()),
                true);
        try {
            assertThat(upgraded.logText())
                    .contains("Gave 1 earlier case(s) and 1 earlier message(s), note(s) and referral(s) random ids");
            reporter.navigate(
                    upgraded.uri("report/follow-up.xhtml?s=" + linkKey).toString());
            reporter.fill("[id='followUp:code']", code);
            reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
            assertThat(reporter.textContent("main")).contains(description).contains(reply);
            try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                for (String table :
                        java.util.List.of("incident_report", "case_message", "case_note", "case_referral")) {
                    ResultSet low = connection
                            .createStatement()
                            .executeQuery("select count(*) from " + table + " where id < " + (1L << 52));
                    low.next();
                    assertThat(low.getLong(1))
                            .as("rows of " + table + " with a counter id")
                            .isZero();
                }
            }
        } finally {
            upgraded.stop();
        }
    }
}
