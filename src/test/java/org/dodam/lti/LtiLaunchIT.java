package org.dodam.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dodam.testing.Accessibility;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Pages;
import org.dodam.testing.ServerDatabase;
import org.dodam.testing.SessionCookies;
import org.dodam.testing.TestPlatform;
import org.dodam.testing.TestPlatform.Person;
import org.dodam.testing.TestPlatform.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LTI 1.3 launches from the test platform into the real WAR on Payara Micro: in Chromium, a course page of the
 * platform launches a student onto a lesson and a teacher onto the class dashboard of the course's new class; over
 * plain HTTP, every launch that must fail (bad signature, unknown key, wrong audience, expired, replayed, wrong
 * state, unknown deployment, another school's registration) gets the refusal page, signs nobody in and creates
 * nothing, which the server's H2 database (opened beside it) confirms. Each test registers platforms of its own.
 */
class LtiLaunchIT {

    static final String LESSON = "dont-pass-it-on";
    static final List<String> CREATED_BY_LAUNCHES =
            List.of("account", "school_class", "class_membership", "lti_person", "lti_context", "lti_context_member");

    static DodamServer server;
    static TestPlatform platform;
    static Browser browser;
    static String jdbcUrl;

    @BeforeAll
    static void start() {
        Path data = Path.of("target", "it-servers", "lti", "data").toAbsolutePath();
        jdbcUrl = "jdbc:h2:file:" + data.resolve("dodam") + ";AUTO_SERVER=TRUE";
        server = DodamServer.shared("lti", Map.of("DODAM_DB_URL", jdbcUrl));
        platform = new TestPlatform(server.base());
    }

    @AfterAll
    static void stop() {
        platform.close();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStudentLandsSignedInOnTheLessonAndTheTeacherOnTheDashboardOfTheCoursesNewClass() throws Exception {
        browser = browser == null ? new Browser() : browser;
        Tenant moodle = platform.tenant("moodle-browser");
        registerInBrowserWithoutScripts(moodle);
        String target = server.uri("student/lesson.xhtml?id=" + LESSON).toString();
        moodle.person(
                "ara",
                new Person(
                        "moodle-user-11",
                        "Ara Kim",
                        List.of(TestPlatform.LEARNER),
                        "course-101",
                        "Consent and images 8A",
                        target,
                        null,
                        "ko-KR"));
        moodle.person(
                "ms-lee",
                new Person(
                        "moodle-user-2",
                        "Ms Lee",
                        List.of(TestPlatform.INSTRUCTOR, TestPlatform.INSTITUTION_ADMIN),
                        "course-101",
                        "Consent and images 8A",
                        target,
                        null,
                        "en-US"));
        moodle.person(
                "bo",
                new Person(
                        "moodle-user-12",
                        "Bo Park",
                        List.of(TestPlatform.LEARNER),
                        "course-101",
                        "Consent and images 8A",
                        server.uri("lti/launch?lesson=" + LESSON).toString(),
                        null,
                        "en"));

        Page student = browser.open("ko", Browser.PHONE_WIDTH);
        student.navigate(moodle.coursePage("ara"));
        student.waitForURL("**/student/lesson.xhtml?id=" + LESSON);
        assertThat(student.locator("#lessonTitle").isVisible()).isTrue();
        assertThat(student.locator(".site-nav__who").innerText()).isEqualTo("Ara Kim");
        assertThat(student.getAttribute("html", "lang"))
                .as("the platform's locale")
                .isEqualTo("ko");
        Browser.screenshot(student, "lti-student-lesson-ko-360");
        Map<String, String> auth = moodle.authRequests().get(0);
        assertThat(auth)
                .containsEntry("scope", "openid")
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("prompt", "none")
                .containsEntry("client_id", moodle.clientId())
                .containsEntry("redirect_uri", server.uri("lti/launch").toString())
                .containsEntry("login_hint", "ara")
                .containsEntry("lti_message_hint", "message-ara");
        assertThat(count("select count(*) from lti_context where context_id = 'course-101' and class_id is null"))
                .as("no class before a teacher comes")
                .isEqualTo(1);

        Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
        teacher.navigate(moodle.coursePage("ms-lee"));
        teacher.waitForURL("**/teacher/dashboard.xhtml?id=*");
        assertThat(Pages.heading(teacher)).contains("Consent and images 8A");
        assertThat(teacher.locator("#matrix").innerText())
                .as("the student who came first is in the class")
                .contains("Ara Kim");
        Browser.screenshot(teacher, "lti-teacher-dashboard-en-1280");

        Page later = browser.open("en", Browser.DESKTOP_WIDTH);
        later.navigate(moodle.coursePage("bo"));
        later.waitForURL("**/student/lesson.xhtml?id=" + LESSON);
        teacher.reload();
        assertThat(teacher.locator("#matrix").innerText())
                .as("a student after the teacher joins at once")
                .contains("Bo Park");
        assertThat(count(
                        "select count(*) from account a join lti_person p on p.account_id = a.id where p.issuer = ?"
                                + " and a.role = 'TEACHER'",
                        moodle.issuer()))
                .as("never more than a teacher")
                .isEqualTo(1);

        Page again = browser.open("ko", Browser.PHONE_WIDTH);
        again.navigate(moodle.coursePage("ara"));
        again.waitForURL("**/student/lesson.xhtml?id=" + LESSON);
        assertThat(count("select count(*) from lti_person where issuer = ?", moodle.issuer()))
                .as("the same person is found again by issuer and sub")
                .isEqualTo(3);
        moodle.tamper(claims -> claims.audience("another-tool").claim("azp", "another-tool"));
        Page refused = browser.open("ko", Browser.PHONE_WIDTH);
        refused.navigate(moodle.coursePage("ara"));
        refused.waitForURL("**/lti/launch");
        assertThat(Pages.heading(refused)).isEqualTo("학습 플랫폼에서 도담을 열지 못했습니다");
        assertThat(refused.locator("#reason").innerText()).isEqualTo("응답이 다른 도구(클라이언트 ID)를 위한 것입니다.");
        assertThat(refused.locator(".site-nav__who").count())
                .as("nobody signed in")
                .isZero();
        assertThat(Accessibility.seriousViolations(refused)).isEmpty();
        Browser.screenshot(refused, "lti-refused-ko-360");
        moodle.tamper(claims -> claims);

        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        admin.navigate(server.uri("admin/lti.xhtml").toString());
        assertThat(admin.locator("#registrationTable").innerText()).contains(moodle.issuer());
        assertThat(Accessibility.seriousViolations(admin)).isEmpty();
        for (Page page : List.of(student, teacher, later, again, refused, admin)) {
            page.context().close();
        }
    }

    @Test
    void aLearnerReachesNoTeacherOrAdminPage() throws Exception {
        Tenant moodle = registered("moodle-learner");
        Launch launch = Launch.start(moodle, "learner");
        HttpResponse<String> landed = launch.post(moodle.sign(
                moodle.claims(student("learner-sub"), launch.nonce()).build()));
        assertThat(landed.statusCode()).isEqualTo(303);
        assertThat(landed.headers().firstValue("Location").orElseThrow())
                .endsWith("/student/lesson.xhtml?id=" + LESSON);
        assertThat(launch.get("student/index.xhtml").statusCode())
                .as("signed in")
                .isEqualTo(200);
        for (String page : List.of(
                "teacher/index.xhtml",
                "teacher/dashboard.xhtml?id=1",
                "admin/index.xhtml",
                "admin/lti.xhtml",
                "counsellor/index.xhtml")) {
            assertThat(launch.get(page).statusCode()).as(page).isEqualTo(404);
        }
        assertThat(count(
                        "select count(*) from account a join lti_person p on p.account_id = a.id where p.subject = 'learner-sub'"
                                + " and a.role = 'STUDENT' and a.email is null"))
                .isEqualTo(1);
    }

    @Test
    void aTeacherPicksLessonsInDodamAndThePlatformGetsSignedLinksWithGradeColumns() throws Exception {
        browser = browser == null ? new Browser() : browser;
        Tenant canvas = registered("canvas-deep-linking");
        String launchUrl = server.uri("lti/launch").toString();
        canvas.person(
                "mr-han",
                new Person(
                        "canvas-teacher-5",
                        "Mr Han",
                        List.of(TestPlatform.INSTRUCTOR),
                        "course-dl",
                        "Digital citizenship 7",
                        launchUrl,
                        null,
                        "en"));
        canvas.deepLinking(true, true);
        Page teacher = browser.open("en", Browser.PHONE_WIDTH);
        teacher.navigate(canvas.coursePage("mr-han"));
        teacher.waitForURL("**/teacher/lti-pick.xhtml");
        assertThat(Pages.heading(teacher)).isEqualTo("Add Dodam lessons to your course");
        int allLessons = teacher.locator("input[name=lesson]").count();
        teacher.waitForNavigation(() -> teacher.click("#band-middle"));
        assertThat(teacher.getAttribute("#band-middle", "aria-current")).isEqualTo("page");
        int middle = teacher.locator("input[name=lesson]").count();
        assertThat(middle).as("the age filter").isPositive().isLessThan(allLessons);
        assertThat(Accessibility.seriousViolations(teacher)).isEmpty();
        Browser.screenshot(teacher, "lti-deep-link-picker-en-360");
        teacher.waitForNavigation(() -> teacher.click("#pickSubmit"));
        assertThat(teacher.locator("#pickNone").innerText()).contains("Choose at least one lesson");

        List<String> picked = List.of(
                teacher.locator("input[name=lesson]").nth(0).getAttribute("value"),
                teacher.locator("input[name=lesson]").nth(middle - 1).getAttribute("value"));
        for (String lesson : picked) {
            teacher.check("[id='pick-" + lesson + "']");
        }
        teacher.waitForNavigation(() -> teacher.click("#pickSubmit"));
        assertThat(Pages.heading(teacher)).isEqualTo("Back to your course");
        assertThat(teacher.locator("#picked li").count()).isEqualTo(2);
        Browser.screenshot(teacher, "lti-deep-link-return-en-360");
        teacher.waitForNavigation(() -> teacher.click("#returnSubmit"));
        assertThat(teacher.locator("#added").innerText())
                .as("the platform took Dodam's signed answer")
                .isEqualTo("Added 2");

        JWTClaimsSet answer = canvas.deepLinkAnswers().get(0);
        List<?> items = (List<?>) answer.getClaim(TestPlatform.DEEP_LINKING + "content_items");
        for (int i = 0; i < picked.size(); i++) {
            Map<?, ?> item = (Map<?, ?>) items.get(i);
            assertThat(item.get("type")).isEqualTo("ltiResourceLink");
            assertThat(item.get("url")).isEqualTo(launchUrl);
            assertThat(((Map<?, ?>) item.get("custom")).get("lesson")).isEqualTo(picked.get(i));
            Map<?, ?> lineItem = (Map<?, ?>) item.get("lineItem");
            assertThat(lineItem.get("resourceId")).isEqualTo(picked.get(i));
            assertThat(lineItem.get("scoreMaximum")).isEqualTo(100L);
            assertThat((String) item.get("title")).isNotBlank();
        }
        assertThat(teacher.navigate(server.uri("teacher/lti-pick.xhtml").toString())
                        .status())
                .as("answered once")
                .isEqualTo(404);
        teacher.context().close();
    }

    /**
     * A platform that shows Dodam inside its course page (Moodle's "embed", Canvas): in that cross-site frame Dodam's
     * session cookie would not be kept, so the frame shows one button (in the platform's language) that opens Dodam
     * in a tab of its own with a one-time ticket, and only that page may be framed, by the platform alone. The frame
     * signs nobody in; the tab does; the ticket works once. A teacher's deep linking request survives the same way.
     */
    @Test
    void aLaunchInThePlatformsFrameOpensDodamInATabOfItsOwnWithAOneTimeTicket() throws Exception {
        browser = browser == null ? new Browser() : browser;
        Tenant moodle = registered("moodle-embedded");
        moodle.launchesInFrame(true);
        moodle.person(
                "yuna",
                new Person(
                        "embedded-learner-1",
                        "Yuna Seo",
                        List.of(TestPlatform.LEARNER),
                        "course-embedded",
                        "Digital citizenship 9",
                        server.uri("student/lesson.xhtml?id=" + LESSON).toString(),
                        null,
                        "ko-KR"));
        Page course = browser.open("en", Browser.PHONE_WIDTH);
        Map<String, String> launchHeaders = new java.util.concurrent.ConcurrentHashMap<>();
        course.onResponse(r -> {
            if (r.url().endsWith("/lti/launch")) {
                launchHeaders.putAll(r.allHeaders());
            }
        });
        course.navigate(moodle.framedCoursePage("yuna"));
        var frame = course.frameLocator("iframe[name=tool]");
        frame.locator("#openInNewTab").waitFor();
        assertThat(frame.locator("h1").innerText())
                .as("in the platform's language")
                .isEqualTo("도담은 새 탭에서 열립니다");
        String issuerOrigin =
                URI.create(moodle.issuer()).resolve("/").toString().replaceAll("/$", "");
        assertThat(launchHeaders.get("content-security-policy"))
                .contains("frame-ancestors " + issuerOrigin)
                .doesNotContain("frame-ancestors 'none'")
                .contains("form-action 'self';");
        assertThat(course.context().cookies(server.base().toString()))
                .as("the frame signs nobody in")
                .noneMatch(c -> SessionCookies.isSessionName(c.name));
        String ticket = frame.locator("input[name=ticket]").getAttribute("value");
        assertThat(count("select count(*) from lti_launch_ticket where ticket_hash = ?", ticket))
                .as("only the ticket's hash is kept")
                .isZero();

        Page tab = course.waitForPopup(() -> frame.locator("#openInNewTab").click());
        tab.waitForURL("**/student/lesson.xhtml?id=" + LESSON);
        assertThat(tab.locator(".site-nav__who").innerText()).isEqualTo("Yuna Seo");
        assertThat(tab.getAttribute("html", "lang")).isEqualTo("ko");
        Browser.screenshot(tab, "lti-embedded-student-tab-ko-360");

        HttpResponse<String> again = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("lti/continue"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", server.origin())
                                .header("Accept-Language", "en")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as("a ticket works once").isEqualTo(400);
        assertThat(again.body()).contains("expired or was already used");
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(SessionCookies::isSession);
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("lti/continue"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", "http://evil.example")
                                .POST(HttpRequest.BodyPublishers.ofString("ticket=" + "x".repeat(43)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("from another site").isEqualTo(403);
        course.context().close();

        moodle.person(
                "mr-oh",
                new Person(
                        "embedded-teacher-1",
                        "Mr Oh",
                        List.of(TestPlatform.INSTRUCTOR),
                        "course-embedded",
                        "Digital citizenship 9",
                        server.uri("lti/launch").toString(),
                        null,
                        "en"));
        moodle.deepLinking(true, true);
        Page teacherCourse = browser.open("en", Browser.DESKTOP_WIDTH);
        teacherCourse.navigate(moodle.framedCoursePage("mr-oh"));
        var teacherFrame = teacherCourse.frameLocator("iframe[name=tool]");
        assertThat(teacherFrame.locator("h1").innerText()).isEqualTo("Dodam opens in a tab of its own");
        Page picker = teacherCourse.waitForPopup(
                () -> teacherFrame.locator("#openInNewTab").click());
        picker.waitForURL("**/teacher/lti-pick.xhtml");
        assertThat(Pages.heading(picker)).isEqualTo("Add Dodam lessons to your course");
        assertThat(Accessibility.seriousViolations(picker)).isEmpty();
        teacherCourse.context().close();
    }

    /**
     * The lesson picker and the deep linking answer are plain forms: a teacher whose browser runs no script, in
     * Korean, on a phone, with a platform that takes one item, gets the same work done (radio buttons, the age
     * filter by link, the signed answer posted by their own press of the button).
     */
    @Test
    void aTeacherWithoutScriptsPicksOneLessonInKorean() throws Exception {
        browser = browser == null ? new Browser() : browser;
        Tenant schoology = registered("schoology-no-scripts");
        schoology.person(
                "ms-yoon",
                new Person(
                        "schoology-teacher-3",
                        "윤선생",
                        List.of(TestPlatform.INSTRUCTOR),
                        "course-ns",
                        "정보 윤리 8",
                        server.uri("lti/launch").toString(),
                        null,
                        "ko-KR"));
        schoology.deepLinking(true, false);
        Page teacher = browser.openWithoutScripts("ko", Browser.PHONE_WIDTH, Map.of());
        teacher.navigate(schoology.coursePage("ms-yoon"));
        teacher.waitForNavigation(() -> teacher.click("button:has-text('Continue')"));
        teacher.waitForNavigation(() -> teacher.click("button:has-text('Continue')"));
        assertThat(teacher.url()).endsWith("/teacher/lti-pick.xhtml");
        assertThat(Pages.heading(teacher)).isEqualTo("강좌에 도담 수업 추가하기");
        assertThat(teacher.locator("input[name=lesson]").first().getAttribute("type"))
                .as("the platform takes one item")
                .isEqualTo("radio");
        teacher.waitForNavigation(() -> teacher.click("#band-middle"));
        assertThat(teacher.getAttribute("#band-middle", "aria-current")).isEqualTo("page");
        teacher.waitForNavigation(() -> teacher.click("#pickSubmit"));
        assertThat(teacher.locator("#pickNone").innerText()).contains("수업을 하나 이상 고르거나 취소하세요");
        String lesson = teacher.locator("input[name=lesson]").first().getAttribute("value");
        teacher.check("[id='pick-" + lesson + "']");
        teacher.waitForNavigation(() -> teacher.click("#pickSubmit"));
        assertThat(Pages.heading(teacher)).isEqualTo("강좌로 돌아가기");
        assertThat(teacher.locator("#picked li").count()).isEqualTo(1);
        Browser.screenshot(teacher, "lti-deep-link-return-ko-360-noscript");
        teacher.waitForNavigation(() -> teacher.click("#returnSubmit"));
        assertThat(teacher.locator("#added").innerText()).isEqualTo("Added 1");
        List<?> items =
                (List<?>) schoology.deepLinkAnswers().get(0).getClaim(TestPlatform.DEEP_LINKING + "content_items");
        assertThat(items).hasSize(1);
        assertThat(((Map<?, ?>) ((Map<?, ?>) items.get(0)).get("custom")).get("lesson"))
                .isEqualTo(lesson);
        teacher.context().close();
    }

    @Test
    void theCoursesRosterJoinsTheClassWhenItsTeacherLaunchesSoTheDashboardListsStudentsWhoHaveNotYet()
            throws Exception {
        Tenant moodle = registered("moodle-roster");
        moodle.roster(List.of(
                member("roster-1", "Dana Seo", TestPlatform.LEARNER, "Active"),
                member("roster-2", "Eun Choi", TestPlatform.LEARNER, null),
                member("roster-3", "Gone Student", TestPlatform.LEARNER, "Inactive"),
                member("roster-4", "Jun Lim", TestPlatform.LEARNER, "Active"),
                member("roster-t", "Ms Roster", TestPlatform.INSTRUCTOR, "Active")));
        Person teacherPerson = new Person(
                "roster-t",
                "Ms Roster",
                List.of(TestPlatform.INSTRUCTOR),
                "course-roster",
                "Roster 6C",
                server.uri("lti/launch").toString(),
                null,
                "en");
        Launch teacher = Launch.start(moodle, "x");
        HttpResponse<String> landed = teacher.post(
                moodle.sign(moodle.claims(teacherPerson, teacher.nonce()).build()));
        String dashboard = landed.headers().firstValue("Location").orElseThrow();
        assertThat(dashboard).contains("/teacher/dashboard.xhtml?id=");
        String classMembers = "select count(*) from class_membership m join lti_context c on c.class_id = m.class_id"
                + " where c.context_id = 'course-roster'";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(classMembers) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count(classMembers))
                .as("the three active learners, read in pages")
                .isEqualTo(3);
        assertThat(moodle.rosterRequests()).as("three pages of two").hasSize(3);
        String page =
                teacher.get(dashboard.substring(dashboard.indexOf("teacher/"))).body();
        assertThat(page)
                .contains("Dana Seo")
                .contains("Eun Choi")
                .contains("Jun Lim")
                .doesNotContain("Gone Student");
        assertThat(count("select count(*) from lti_person where subject = 'roster-3'"))
                .as("an inactive member is not made")
                .isZero();
        assertThat(count(
                        "select count(*) from lti_person p join account a on a.id = p.account_id where p.subject = 'roster-t'"
                                + " and a.role = 'TEACHER'"))
                .as("the teacher stays the one account the launch made")
                .isEqualTo(1);

        Launch again = Launch.start(moodle, "x");
        assertThat(again.post(moodle.sign(
                                moodle.claims(teacherPerson, again.nonce()).build()))
                        .statusCode())
                .isEqualTo(303);
        Launch student = Launch.start(moodle, "x");
        assertThat(student.post(moodle.sign(moodle.claims(
                                        new Person(
                                                "roster-1",
                                                "Dana Seo",
                                                List.of(TestPlatform.LEARNER),
                                                "course-roster",
                                                "Roster 6C",
                                                server.uri("student/lesson.xhtml?id=" + LESSON)
                                                        .toString(),
                                                null,
                                                "en"),
                                        student.nonce())
                                .build()))
                        .statusCode())
                .isEqualTo(303);
        assertThat(count("select count(*) from lti_person where subject = 'roster-1'"))
                .as("her launch finds her")
                .isEqualTo(1);
        assertThat(count(classMembers)).isEqualTo(3);
        Thread.sleep(1_000);
        assertThat(moodle.rosterRequests()).as("read at most every ten minutes").hasSize(3);
    }

    static Map<String, Object> member(String userId, String name, String role, String status) {
        Map<String, Object> member =
                new LinkedHashMap<>(Map.of("user_id", userId, "name", name, "roles", List.of(role)));
        if (status != null) {
            member.put("status", status);
        }
        return member;
    }

    @Test
    void onlyATeacherWithARequestToAnswerCanDeepLink() throws Exception {
        Tenant moodle = registered("moodle-deep-linking");
        moodle.deepLinking(true, true);
        Launch learner = Launch.start(moodle, "x");
        assertRefusedWithNothingCreated(
                () -> learner.post(moodle.sign(
                        moodle.claims(student("dl-learner"), learner.nonce()).build())),
                "Only a course's teachers can add Dodam lessons to it.");

        Launch teacher = Launch.start(moodle, "x");
        HttpResponse<String> landed = teacher.post(
                moodle.sign(moodle.claims(student("dl-teacher").withRoles(TestPlatform.INSTRUCTOR), teacher.nonce())
                        .build()));
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/teacher/lti-pick.xhtml");
        assertThat(teacher.get("teacher/lti-pick.xhtml").statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = teacher.client()
                .send(
                        HttpRequest.newBuilder(server.uri("lti/deep-link"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Sec-Fetch-Site", "cross-site")
                                .POST(HttpRequest.BodyPublishers.ofString("lesson=" + LESSON))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).as("another site's post").isEqualTo(403);
        HttpResponse<String> unknown = teacher.client()
                .send(
                        HttpRequest.newBuilder(server.uri("lti/deep-link"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Sec-Fetch-Site", "same-origin")
                                .header("Origin", server.origin())
                                .POST(HttpRequest.BodyPublishers.ofString("lesson=no-such-lesson"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        HttpResponse<String> stranger = Launch.newClient()
                .send(
                        HttpRequest.newBuilder(server.uri("lti/deep-link"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Sec-Fetch-Site", "same-origin")
                                .header("Origin", server.origin())
                                .POST(HttpRequest.BodyPublishers.ofString("lesson=" + LESSON))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).as("nobody signed in").isEqualTo(404);
        assertThat(stranger.headers().allValues("Set-Cookie")).noneMatch(SessionCookies::isSession);
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        Tenant moodle = registered("moodle-signature");
        Launch launch = Launch.start(moodle, "x");
        String forged = TestPlatform.sign(
                new com.nimbusds.jose.jwk.RSAKey.Builder(TestPlatform.newKey())
                        .keyID(moodle.signingKey().getKeyID())
                        .build(),
                moodle.claims(student("forged"), launch.nonce()).build());
        assertRefusedWithNothingCreated(() -> launch.post(forged), "The platform's signature is not valid.");
    }

    @Test
    void anUnknownKeyIsRefusedAndARotatedKeyIsFoundByTheRefetch() throws Exception {
        Tenant moodle = registered("moodle-rotation");
        Launch first = Launch.start(moodle, "x");
        assertThat(first.post(moodle.sign(moodle.claims(student("rotation-1"), first.nonce())
                                .build()))
                        .statusCode())
                .isEqualTo(303);

        Launch unknown = Launch.start(moodle, "x");
        String token = TestPlatform.sign(
                moodle.unpublishedKey(),
                moodle.claims(student("rotation-2"), unknown.nonce()).build());
        assertRefusedWithNothingCreated(() -> unknown.post(token), "a key that its public keyset does not contain");

        Tenant canvas = registered("canvas-rotation");
        Launch before = Launch.start(canvas, "x");
        assertThat(before.post(canvas.sign(canvas.claims(student("rotation-3"), before.nonce())
                                .build()))
                        .statusCode())
                .isEqualTo(303);
        canvas.rotate();
        Launch after = Launch.start(canvas, "x");
        HttpResponse<String> landed = after.post(
                canvas.sign(canvas.claims(student("rotation-4"), after.nonce()).build()));
        assertThat(landed.statusCode()).as("the new kid was fetched at once").isEqualTo(303);
    }

    @Test
    void aTokenForAnotherToolOrAnExpiredOneIsRefused() throws Exception {
        Tenant moodle = registered("moodle-claims");
        Launch wrongAudience = Launch.start(moodle, "x");
        assertRefusedWithNothingCreated(
                () -> wrongAudience.post(moodle.sign(moodle.claims(student("aud"), wrongAudience.nonce())
                        .audience("another-tool")
                        .claim("azp", "another-tool")
                        .build())),
                "meant for another tool");
        Launch expired = Launch.start(moodle, "x");
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertRefusedWithNothingCreated(
                () -> expired.post(moodle.sign(moodle.claims(student("exp"), expired.nonce())
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plusSeconds(300)))
                        .build())),
                "has expired");
    }

    @Test
    void aReplayedTokenIsRefusedWithItsOwnStateAndWithAFreshOne() throws Exception {
        Tenant moodle = registered("moodle-replay");
        Launch launch = Launch.start(moodle, "x");
        String token =
                moodle.sign(moodle.claims(student("replay"), launch.nonce()).build());
        assertThat(launch.post(token).statusCode()).isEqualTo(303);
        assertRefusedWithNothingCreated(() -> launch.post(token), "was already used");
        Launch fresh = Launch.start(moodle, "x");
        assertRefusedWithNothingCreated(() -> fresh.post(token), "does not belong to this sign-in");
    }

    @Test
    void aWrongOrMissingStateIsRefused() throws Exception {
        Tenant moodle = registered("moodle-state");
        Launch launch = Launch.start(moodle, "x");
        String token =
                moodle.sign(moodle.claims(student("state"), launch.nonce()).build());
        assertRefusedWithNothingCreated(() -> launch.postWithState(token, launch.state() + "x"), "did not start here");
        assertRefusedWithNothingCreated(() -> launch.postWithState(token, null), "did not start here");
        assertRefusedWithNothingCreated(() -> launch.postWithState(null, launch.state()), "could not be read");
    }

    @Test
    void anUnknownDeploymentIsRefusedAtLoginAndAtLaunch() throws Exception {
        Tenant moodle = registered("moodle-deployment");
        assertRefusedWithNothingCreated(
                () -> Launch.newClient()
                        .send(
                                HttpRequest.newBuilder(loginUri(moodle, "x", "unregistered-deployment"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()),
                "deployment of the platform is not registered");
        Launch launch = Launch.start(moodle, "x");
        assertRefusedWithNothingCreated(
                () -> launch.post(moodle.sign(moodle.claims(student("dep"), launch.nonce())
                        .claim(TestPlatform.LTI + "deployment_id", "unregistered-deployment")
                        .build())),
                "deployment of the platform is not registered");
        Tenant unknown = platform.tenant("never-registered");
        assertRefusedWithNothingCreated(
                () -> Launch.newClient()
                        .send(
                                HttpRequest.newBuilder(loginUri(unknown, "x", null))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()),
                "not registered in Dodam");
    }

    @Test
    void anotherSchoolsRegistrationNeitherTakesThisOneNorReachesItsPeople() throws Exception {
        Tenant ours = registered("moodle-ours");
        Launch mine = Launch.start(ours, "x");
        assertThat(mine.post(ours.sign(
                                ours.claims(student("shared-sub"), mine.nonce()).build()))
                        .statusCode())
                .isEqualTo(303);

        ServerDatabase.addSchool(jdbcUrl, "Far Hills School", "far-hills-lti", "far-admin-lti");
        HttpSession farAdmin = HttpSession.signIn(server, "far-hills-lti", "far-admin-lti", DodamServer.DEMO_PASSWORD);
        long before = count("select count(*) from lti_registration");
        assertThat(register(farAdmin, ours, "Taken"))
                .as("an (issuer, client id) belongs to one school")
                .containsAnyOf("already registered", "이미 등록되어");
        assertThat(count("select count(*) from lti_registration")).isEqualTo(before);

        Tenant theirs = platform.tenant("moodle-far");
        assertThat(register(farAdmin, theirs, "Far Moodle")).containsAnyOf("is registered", "등록되었습니다");
        Launch crossed = Launch.start(ours, "x");
        assertRefusedWithNothingCreated(
                () -> crossed.post(theirs.sign(
                        theirs.claims(student("shared-sub"), crossed.nonce()).build())),
                "a key that its public keyset does not contain");

        Launch far = Launch.start(theirs, "x");
        assertThat(far.post(theirs.sign(theirs.claims(student("shared-sub"), far.nonce())
                                .build()))
                        .statusCode())
                .isEqualTo(303);
        assertThat(count("select count(distinct a.school_id) from lti_person p join account a on a.id = p.account_id"
                        + " where p.subject = 'shared-sub'"))
                .as("one account in each school, never the other's")
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from lti_person p join account a on a.id = p.account_id join school s on s.id = a.school_id"
                                + " where p.issuer = ? and s.name = 'Far Hills School'",
                        theirs.issuer()))
                .isEqualTo(1);
        assertThat(far.get("student/index.xhtml").statusCode())
                .as("signed in, in the far school")
                .isEqualTo(200);
        assertThat(count(
                        "select count(*) from lti_person p join account a on a.id = p.account_id join school s on s.id = a.school_id"
                                + " where p.issuer = ? and s.name = 'Far Hills School'",
                        ours.issuer()))
                .as("ours stay ours")
                .isZero();
    }

    @Test
    void dodamPublishesItsPublicKeysOnly() throws Exception {
        HttpResponse<String> response = Launch.newClient()
                .send(
                        HttpRequest.newBuilder(server.uri("lti/jwks")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JWKSet keys = JWKSet.parse(response.body());
        assertThat(keys.getKeys()).isNotEmpty();
        assertThat(keys.getKeys()).allSatisfy(key -> {
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
        });
        assertThat(response.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        assertThat(count("select count(*) from lti_tool_key where sealed_private_key like 'v2.%'"))
                .isEqualTo(keys.getKeys().size());
    }

    // ----------------------------------------------------------------------------------------------------------

    /** One login initiation and launch over plain HTTP, as the platform's pages would make the browser send them. */
    record Launch(Tenant tenant, HttpClient client, String state, String nonce) {

        static HttpClient newClient() {
            return HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        static Launch start(Tenant tenant, String loginHint) throws IOException, InterruptedException {
            HttpClient client = newClient();
            HttpResponse<String> redirect = client.send(
                    HttpRequest.newBuilder(server.uri("lti/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Sec-Fetch-Site", "cross-site")
                            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                    "iss",
                                    tenant.issuer(),
                                    "login_hint",
                                    loginHint,
                                    "target_link_uri",
                                    server.uri("student/lesson.xhtml?id=" + LESSON)
                                            .toString(),
                                    "client_id",
                                    tenant.clientId(),
                                    "lti_deployment_id",
                                    tenant.deploymentId()))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Set-Cookie"))
                    .as("a login initiation makes no session")
                    .isEmpty();
            URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(tenant.authUrl() + "?");
            Map<String, String> query = TestPlatform.parameters(location.getRawQuery());
            return new Launch(tenant, client, query.get("state"), query.get("nonce"));
        }

        HttpResponse<String> post(String idToken) throws IOException, InterruptedException {
            return postWithState(idToken, state);
        }

        HttpResponse<String> postWithState(String idToken, String withState) throws IOException, InterruptedException {
            Map<String, String> fields = new LinkedHashMap<>();
            if (idToken != null) {
                fields.put("id_token", idToken);
            }
            if (withState != null) {
                fields.put("state", withState);
            }
            return client.send(
                    HttpRequest.newBuilder(server.uri("lti/launch"))
                            .header("Accept-Language", "en")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Sec-Fetch-Site", "cross-site")
                            .header("Origin", tenant.issuer().replaceFirst("(//[^/]+).*", "$1"))
                            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(server.uri(path))
                            .header("Accept-Language", "en")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    interface Exchange {
        HttpResponse<String> send() throws Exception;
    }

    /** The refusal page, in English, with status 400; no session; the tables a launch writes to are as they were. */
    static void assertRefusedWithNothingCreated(Exchange exchange, String reason) throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<String> response = exchange.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body())
                .contains("Dodam could not be opened from your learning platform")
                .contains(reason)
                .contains("Nobody was signed in and nothing was saved.")
                .doesNotContain("Exception")
                .doesNotContain(".java:");
        assertThat(response.headers().allValues("Set-Cookie")).as("no session").noneMatch(SessionCookies::isSession);
        assertThat(counts()).as("nothing created").isEqualTo(before);
    }

    static Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : CREATED_BY_LAUNCHES) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return ServerDatabase.count(jdbcUrl, sql, parameters);
    }

    static Person student(String sub) {
        return new Person(
                sub,
                "Student " + sub,
                List.of(TestPlatform.LEARNER),
                "course-" + sub,
                "Course " + sub,
                server.uri("student/lesson.xhtml?id=" + LESSON).toString(),
                null,
                "en");
    }

    static URI loginUri(Tenant tenant, String loginHint, String deploymentId) {
        Map<String, String> query = new LinkedHashMap<>(Map.of(
                "iss",
                tenant.issuer(),
                "login_hint",
                loginHint,
                "target_link_uri",
                server.uri("student/index.xhtml").toString(),
                "client_id",
                tenant.clientId()));
        if (deploymentId != null) {
            query.put("lti_deployment_id", deploymentId);
        }
        return server.uri("lti/login?" + form(query));
    }

    /** A platform registered by the demo school's admin through the admin page's form (no browser, no script). */
    static Tenant registered(String name) throws Exception {
        Tenant tenant = platform.tenant(name);
        register(HttpSession.signIn(server, "demo-admin", DodamServer.DEMO_PASSWORD), tenant, name);
        assertThat(count("select count(*) from lti_registration where issuer = ?", tenant.issuer()))
                .isEqualTo(1);
        return tenant;
    }

    static String register(HttpSession admin, Tenant tenant, String name) {
        return tenant.registerIn(admin, name);
    }

    /** The admin registers the platform in a browser with JavaScript off, in Korean, then reads the page in English. */
    static void registerInBrowserWithoutScripts(Tenant tenant) {
        Page admin = browser.openWithoutScripts("ko", Browser.DESKTOP_WIDTH, Map.of());
        Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
        admin.navigate(server.uri("admin/index.xhtml").toString());
        admin.waitForNavigation(() -> admin.click("#ltiLink"));
        assertThat(Pages.heading(admin)).isEqualTo("학습 플랫폼 (LTI)");
        assertThat(admin.locator("#toolLoginUrl").innerText())
                .isEqualTo(server.uri("lti/login").toString());
        assertThat(admin.locator("#toolRedirectUrl").innerText())
                .isEqualTo(server.uri("lti/launch").toString());
        assertThat(admin.locator("#toolKeySetUrl").innerText())
                .isEqualTo(server.uri("lti/jwks").toString());
        admin.fill("[id='register:name']", "학교 Moodle");
        admin.fill("[id='register:issuer']", tenant.issuer());
        admin.fill("[id='register:clientId']", tenant.clientId());
        admin.fill("[id='register:deployments']", tenant.deploymentId());
        admin.fill("[id='register:authUrl']", tenant.authUrl());
        admin.fill("[id='register:tokenUrl']", tenant.tokenUrl());
        admin.fill("[id='register:jwksUrl']", "http://platform.example/jwks");
        admin.waitForNavigation(() -> admin.click("[id='register:submit']"));
        assertThat(admin.locator("[id='register:jwksUrl-error']").innerText() + Pages.messages(admin))
                .contains("https://");
        admin.fill("[id='register:jwksUrl']", tenant.jwksUrl());
        admin.waitForNavigation(() -> admin.click("[id='register:submit']"));
        assertThat(Pages.messages(admin)).contains("등록되었습니다");
        assertThat(admin.locator("#registrationTable").innerText())
                .contains(tenant.issuer())
                .contains(tenant.clientId());
        Browser.screenshot(admin, "lti-admin-registered-ko-1280");
        Pages.useLanguage(admin, "en");
        assertThat(Pages.heading(admin)).isEqualTo("Learning platforms (LTI)");
        Browser.screenshot(admin, "lti-admin-registered-en-1280");
        admin.context().close();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
