package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.dodam.testing.ServerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Usernames are unique within a school, not across the server, so one school cannot probe another's: a second
 * school on the demo server takes the demo school's usernames for its teacher, its roster and a student who
 * joins with a class code, and nobody is told the names exist elsewhere. Sign-in then names the school by its
 * code, and each person reaches only their own school's account.
 */
class SchoolUsernamesIT {

    static final String CODE = "namsan";
    static final String TEACHER_PASSWORD = "pine cones fall in autumn";
    static final String OWN_PASSWORD = "a kite over the han river";

    static DodamServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = DodamServer.embedded();
        browser = new Browser();
        ServerDatabase.addSchool(server.databaseUrl(), "Namsan School", CODE, "namsan-admin");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void anotherSchoolUsesTheSameUsernamesAndEachPersonSignsInToTheirOwnSchool() {
        Page admin = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(admin, server, CODE, "namsan-admin", DodamServer.DEMO_PASSWORD);
        assertThat(admin.textContent("#schoolCode"))
                .as("the admin sees the school's code and its sign-in address")
                .contains(CODE)
                .contains("login.xhtml?school=" + CODE);
        Pages.addStaff(admin, "TEACHER", "Namsan Teacher", "demo-teacher", null, TEACHER_PASSWORD);
        assertThat(Pages.messages(admin))
                .as("the demo school's teacher's username is free in this school")
                .contains("demo-teacher")
                .doesNotContain("already taken");
        admin.context().close();

        Page teacher = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(teacher, server, CODE, "demo-teacher", TEACHER_PASSWORD);
        assertThat(Pages.chooseOwnPassword(teacher, "namsan river rows slowly"))
                .as("the admin's password is a start password")
                .isTrue();
        assertThat(teacher.url()).endsWith("/teacher/index.xhtml");
        assertThat(teacher.textContent("body")).contains("Namsan School").doesNotContain("Dodam Middle School");
        teacher.fill("[id='newClassForm:name']", "Namsan 1-1");
        teacher.waitForNavigation(() -> teacher.click("[id='newClassForm:create']"));
        teacher.waitForNavigation(() -> teacher.click("table a:text-is('Namsan 1-1')"));
        teacher.setInputFiles(
                "[id='import:file']",
                new FilePayload(
                        "class.csv",
                        "text/csv",
                        "name,username,password\nHana Yoon,demo-student02,hana-start-pass\n"
                                .getBytes(StandardCharsets.UTF_8)));
        teacher.waitForNavigation(() -> teacher.click("[id='import:submit']"));
        assertThat(Pages.messages(teacher))
                .as("a roster row with another school's username is added, not refused")
                .contains("added")
                .doesNotContain("taken");
        String joinCode = teacher.textContent("p:has-text('Class code') .code").strip();
        teacher.context().close();

        Page joining = browser.open("en", Browser.PHONE_WIDTH);
        joining.navigate(server.uri("join.xhtml").toString());
        joining.fill("[id='join:code']", joinCode);
        joining.fill("[id='join:name']", "Joon Seo");
        joining.fill("[id='join:username']", "demo-student01");
        joining.fill("[id='join:password']", OWN_PASSWORD);
        joining.waitForNavigation(() -> joining.click("[id='join:submit']"));
        assertThat(joining.url())
                .as("joined, and sent to the school's own sign-in address")
                .contains("login.xhtml?school=" + CODE);
        assertThat(joining.inputValue("[id='signin:school']")).isEqualTo(CODE);
        joining.fill("[id='signin:username']", "demo-student01");
        joining.fill("[id='signin:password']", OWN_PASSWORD);
        joining.waitForNavigation(() -> joining.click("[id='signin:submit']"));
        assertThat(joining.url()).endsWith("/student/index.xhtml");
        assertThat(joining.textContent("main"))
                .as("the new student of Namsan's class, not the demo school's student")
                .contains("Joon Seo")
                .contains("Namsan 1-1")
                .doesNotContain("2학년");
        joining.context().close();

        Page demo = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(demo, server, DodamServer.SCHOOL, "demo-teacher", DodamServer.DEMO_PASSWORD);
        assertThat(demo.url()).as("the demo school's teacher is still theirs").endsWith("/teacher/index.xhtml");
        assertThat(demo.textContent("body")).contains("Dodam Middle School").doesNotContain("Namsan");
        demo.context().close();
    }

    @Test
    void aServerWithSeveralSchoolsAsksWhichAndAWrongSchoolOpensNothing() {
        Page page = browser.open("en", Browser.PHONE_WIDTH);
        page.navigate(server.uri("login.xhtml").toString());
        assertThat(page.locator("[id='signin:school']").count())
                .as("the form asks for the school")
                .isEqualTo(1);
        page.fill("[id='signin:username']", "demo-teacher2");
        page.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(Pages.messages(page)).contains("Type your school's code");
        assertThat(page.url()).endsWith("/login.xhtml");

        page.fill("[id='signin:school']", CODE);
        page.fill("[id='signin:username']", "demo-teacher2");
        page.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(Pages.messages(page))
                .as("demo-teacher2 is a username of the demo school only")
                .contains("The school code, username or password is not right");

        page.fill("[id='signin:school']", "  DODAM ");
        page.fill("[id='signin:username']", "demo-teacher2");
        page.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(page.url())
                .as("the code is read without spaces and capitals")
                .endsWith("/teacher/index.xhtml");
        page.context().close();
    }
}
