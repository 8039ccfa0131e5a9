package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Learner;
import org.dodam.testing.Pages;
import org.dodam.testing.PlainForm;
import org.dodam.testing.Reporting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role's main forms in a browser with JavaScript turned off (as in Tor Browser's safest level, or a school
 * computer that blocks scripts): each post answers 200 with the page that says it worked, and no response on the
 * way (redirects included) is a server error. The forms of views with state (admin, teacher, counsellor, the quiz,
 * choosing a password) were the ones that failed: PrimeFaces refused to render their answer for want of the script
 * nonce its client script adds, after the action had committed. Every change is read back from the pages, since a
 * page that says "saved" proves nothing: the due-date forms of all rows but the last once answered 200 and kept the
 * old date. Every {@code h:form} of {@code src/main/webapp} is sent here at least once.
 */
class ScriptsOffIT {

    static final String MODULE = "bystanders-and-upstanders";
    static final String LESSON = "dont-pass-it-on";
    static final String NONCE_FIELD = "primefaces.nonce=";

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
    void anAdminAddsAStaffMember() {
        String suffix = suffix();
        Page admin = page();
        List<String> failures = serverErrors(admin);
        signIn(admin, "demo-admin");
        admin.fill("[id='add:name']", "Nora Scriptless");
        admin.fill("[id='add:username']", "noscript-t-" + suffix);
        admin.fill("[id='add:email']", "noscript-" + suffix + "@dodam.example");
        admin.selectOption("[id='add:role']", new SelectOption().setLabel("Teacher"));
        admin.fill("[id='add:password']", "lighthouse keeper reads maps");
        post(admin, "[id='add:submit']");
        assertThat(Pages.messages(admin)).contains("Nora Scriptless added with the username noscript-t-" + suffix);
        assertThat(admin.locator("[id='staffList']").innerText()).contains("noscript-t-" + suffix);
        post(admin, "[aria-label='Reset password: Nora Scriptless']");
        assertThat(admin.locator("#reset").innerText()).contains("New temporary password for Nora Scriptless");
        post(admin, "[aria-label='Suspend: Nora Scriptless']");
        assertThat(admin.locator("[id='staffList'] tr:has-text('noscript-t-" + suffix + "')")
                        .innerText())
                .contains("Suspended");
        post(admin, "[aria-label='Reactivate: Nora Scriptless']");
        assertThat(admin.locator("[id='staffList'] tr:has-text('noscript-t-" + suffix + "')")
                        .innerText())
                .contains("Active");
        signOut(admin);
        assertThat(failures).isEmpty();
    }

    @Test
    void aFormWithoutItsViewsNonceSavesNothingAndSaysSo() {
        String username = "noscript-n-" + suffix();
        Page admin = page();
        signIn(admin, "demo-admin");
        // The form as a page rendered before the server wrote the nonce field would send it.
        PlainForm form = PlainForm.of(admin.content(), "add");
        assertThat(form.hidden()).extracting(Map.Entry::getKey).contains("primefaces.nonce");
        FormData fields = FormData.create();
        form.hidden().stream()
                .filter(field -> !field.getKey().equals("primefaces.nonce"))
                .forEach(field -> fields.set(field.getKey(), field.getValue()));
        fields.set("add:name", "Nina Noncefree")
                .set("add:username", username)
                .set("add:email", username + "@dodam.example")
                .set("add:role", admin.getAttribute("[id='add:role'] option:text-is('Teacher')", "value"))
                .set("add:password", "lighthouse keeper reads maps")
                .set("add:submit", "x");
        APIResponse answer = admin.request()
                .post(
                        server.base().resolve(form.action()).toString(),
                        RequestOptions.create()
                                .setForm(fields)
                                .setHeader("Origin", server.base().toString().replaceAll("/$", "")));
        int status = answer.status();
        String text = answer.text();
        admin.navigate(server.uri("admin/index.xhtml").toString());
        assertThat(admin.locator("[id='staffList']").innerText())
                .as("nothing was saved")
                .doesNotContain(username);
        assertThat(status).isEqualTo(200);
        assertThat(text).contains("Nothing was saved").doesNotContain(username);
    }

    @Test
    void aTeacherAddsAStudentAndAssignsAModuleAndTheStudentLearns() {
        String suffix = suffix();
        String className = "Scripts off " + suffix;
        String username = "noscript-s-" + suffix;
        Page teacher = page();
        List<String> failures = serverErrors(teacher);
        signIn(teacher, "demo-teacher");

        teacher.fill("[id='newClassForm:name']", className);
        post(teacher, "[id='newClassForm:create']");
        assertThat(Pages.messages(teacher)).contains("Class \"" + className + "\" created.");
        teacher.waitForNavigation(() -> teacher.click("table a:text-is('" + className + "')"));

        teacher.fill("[id='add:name']", "Sol Scriptless");
        teacher.fill("[id='add:username']", username);
        teacher.fill("[id='add:password']", "green kite over river");
        post(teacher, "[id='add:submit']");
        assertThat(Pages.messages(teacher)).contains("Sol Scriptless added with the username " + username);
        assertThat(teacher.locator("[id='roster'] tbody tr").count()).isEqualTo(1);

        teacher.setInputFiles(
                "[id='import:file']",
                new FilePayload(
                        "class.csv",
                        "text/csv",
                        ("name,username,password\nIm Port,noscript-i-" + suffix + ",\n")
                                .getBytes(StandardCharsets.UTF_8)));
        post(teacher, "[id='import:submit']");
        assertThat(Pages.messages(teacher)).contains("added");
        assertThat(teacher.locator("[id='roster'] tbody tr").count()).isEqualTo(2);
        post(teacher, "[aria-label='Reset password: Im Port']");
        assertThat(teacher.locator("#reset").innerText()).contains("Start password for Im Port");
        post(teacher, "[aria-label='Remove from class: Im Port']");
        post(teacher, "[id='remove:yes']");
        assertThat(Pages.messages(teacher)).contains("Im Port was removed from the class.");
        assertThat(teacher.locator("[id='roster'] tbody tr").count()).isEqualTo(1);

        teacher.selectOption("[id='assign:what']", new SelectOption().setValue("module:" + MODULE));
        post(teacher, "[id='assign:submit']");
        assertThat(Pages.messages(teacher)).contains("4 lesson(s) assigned");
        assertThat(teacher.locator("[id='assigned'] tbody tr").count()).isEqualTo(4);
        teacher.fill("[id='rename:name']", className + " renamed");
        post(teacher, "[id='rename:submit']");
        assertThat(Pages.messages(teacher)).contains("The class is now called \"" + className + " renamed\"");
        signOut(teacher);
        assertThat(failures).isEmpty();

        Page student = page();
        List<String> studentFailures = serverErrors(student);
        signIn(student, username, "green kite over river");
        assertThat(student.url()).endsWith("/student/password.xhtml");
        student.fill("[id='choose:password']", "purple otter bakes bread");
        student.fill("[id='choose:repeat']", "purple otter bakes bread");
        post(student, "[id='choose:save']");
        assertThat(student.url()).endsWith("/student/index.xhtml");
        assertThat(Pages.messages(student)).contains("Your password is saved");
        assertThat(student.locator("#assignedTable tbody tr").count()).isEqualTo(4);

        Learner.readAll(student, server, LESSON);
        student.navigate(server.uri("student/quiz.xhtml?id=" + LESSON).toString());
        var question = Learner.lesson(LESSON).quiz().questions().get(0);
        Learner.choose(student, question, true, "en");
        post(student, "[id='quiz:submit']");
        assertThat(student.locator("#feedbackTitle").innerText()).isEqualTo("Right.");
        var questions = Learner.lesson(LESSON).quiz().questions();
        for (var next : questions.subList(1, questions.size())) {
            student.waitForNavigation(() -> student.click("#nextQuestion"));
            Learner.choose(student, next, true, "en");
            post(student, "[id='quiz:submit']");
        }
        assertThat(student.locator("#results").count()).isEqualTo(1);
        post(student, "[id='again:retake']");
        assertThat(student.locator("[id='quiz:submit']").count())
                .as("a new attempt")
                .isEqualTo(1);
        assertThat(student.locator("#results").count()).isZero();
        signOut(student);
        assertThat(studentFailures).isEmpty();
    }

    @Test
    void aTeacherSetsDueDatesWithdrawsAndArchivesAndPrintsSlips() {
        String suffix = suffix();
        String className = "Due dates " + suffix;
        Page teacher = page();
        List<String> failures = serverErrors(teacher);
        signIn(teacher, "demo-teacher");
        teacher.fill("[id='newClassForm:name']", className);
        post(teacher, "[id='newClassForm:create']");
        teacher.waitForNavigation(() -> teacher.click("table a:text-is('" + className + "')"));
        String classPage = teacher.url();
        teacher.fill("[id='add:name']", "Dae Scriptless");
        teacher.fill("[id='add:username']", "noscript-d-" + suffix);
        post(teacher, "[id='add:submit']");
        APIResponse slips = teacher.request()
                .get(server.base()
                        .resolve(teacher.getAttribute("#slipsLink", "href"))
                        .toString());
        assertThat(slips.status()).isEqualTo(200);
        assertThat(slips.headers().get("content-type")).startsWith("application/pdf");

        LocalDate due = LocalDate.now().plusDays(30);
        teacher.selectOption("[id='assign:what']", new SelectOption().setValue("module:" + MODULE));
        teacher.fill("[id='assign:due']", due.toString());
        post(teacher, "[id='assign:submit']");
        assertThat(teacher.locator("[id='assigned'] tbody tr").count()).isEqualTo(4);
        assertThat(teacher.inputValue("[id='assigned'] tbody tr:nth-child(1) input[type='date']"))
                .isEqualTo(due.toString());
        String first = row(
                "[id='assigned']",
                teacher.textContent("[id='assigned'] tbody tr:nth-child(1) th").strip());
        String second = row(
                "[id='assigned']",
                teacher.textContent("[id='assigned'] tbody tr:nth-child(2) th").strip());
        teacher.fill(first + " input[type='date']", due.plusDays(7).toString());
        post(teacher, first + " [id$=':change']");
        assertThat(Pages.messages(teacher)).contains("is now " + due.plusDays(7));
        post(teacher, second + " [id$=':withdraw']");
        assertThat(Pages.messages(teacher)).contains("was withdrawn.");
        teacher.navigate(classPage);
        assertThat(teacher.locator("[id='assigned'] tbody tr").count())
                .as("read back")
                .isEqualTo(3);
        assertThat(teacher.locator(second).count()).isZero();
        assertThat(teacher.inputValue(first + " input[type='date']"))
                .isEqualTo(due.plusDays(7).toString());

        teacher.waitForNavigation(() -> teacher.click("[aria-label='Progress: Dae Scriptless']"));
        String studentPage = teacher.url();
        String lesson = row(
                "#studentLessonsTable",
                teacher.textContent("#studentLessonsTable tbody tr:nth-child(1) th")
                        .strip());
        teacher.fill(lesson + " input[type='date']", due.plusDays(14).toString());
        post(teacher, lesson + " [id$=':set']");
        assertThat(Pages.messages(teacher)).contains("Dae Scriptless now has until " + due.plusDays(14));
        teacher.navigate(studentPage);
        assertThat(teacher.locator(lesson + " p.due").innerText())
                .as("read back")
                .contains(due.plusDays(14).toString())
                .contains("(own date)");
        post(teacher, lesson + " [id$=':clear']");
        assertThat(Pages.messages(teacher)).contains("Dae Scriptless follows the class's due date");
        teacher.navigate(studentPage);
        assertThat(teacher.locator(lesson + " p.due").innerText()).doesNotContain("(own date)");

        teacher.navigate(classPage);
        post(teacher, "[id='archive:ask']");
        post(teacher, "[id='archiveYes:cancel']");
        assertThat(teacher.locator("[id='archivedNotice']").count()).isZero();
        post(teacher, "[id='archive:ask']");
        post(teacher, "[id='archiveYes:yes']");
        assertThat(Pages.messages(teacher)).contains("\"" + className + "\" was archived.");
        assertThat(teacher.locator("#archivedClasses").innerText()).contains(className);
        teacher.navigate(classPage);
        assertThat(teacher.locator("[id='archivedNotice']").count())
                .as("read back")
                .isEqualTo(1);
        post(teacher, "[id='restore:submit']");
        assertThat(Pages.messages(teacher)).contains("\"" + className + "\" is active again.");
        teacher.navigate(classPage);
        assertThat(teacher.locator("[id='archivedNotice']").count()).isZero();
        assertThat(teacher.locator("[id='assigned'] tbody tr").count()).isEqualTo(3);
        signOut(teacher);
        assertThat(failures).isEmpty();
    }

    @Test
    void aCounsellorConfirmsResetsAndReactivatesAProposedCounsellor() {
        String suffix = suffix();
        String username = "noscript-c-" + suffix;
        Page admin = page();
        List<String> failures = serverErrors(admin);
        signIn(admin, "demo-admin");
        admin.fill("[id='add:name']", "Cora Scriptless " + suffix);
        admin.fill("[id='add:username']", username);
        admin.fill("[id='add:email']", username + "@dodam.example");
        admin.selectOption("[id='add:role']", new SelectOption().setValue("COUNSELLOR"));
        admin.fill("[id='add:password']", "lighthouse keeper reads maps");
        post(admin, "[id='add:submit']");
        assertThat(admin.locator("[id='staffList'] tr:has-text('" + username + "')")
                        .innerText())
                .contains("Waiting for a counsellor");

        Page counsellor = page();
        List<String> counsellorFailures = serverErrors(counsellor);
        signIn(counsellor, "demo-counsellor");
        post(counsellor, "[aria-label='Confirm: Cora Scriptless " + suffix + " (" + username + ")']");
        assertThat(Pages.messages(counsellor)).contains("is confirmed");
        assertThat(counsellor.textContent("#teamTemporaryPassword")).isNotBlank();
        post(counsellor, "[aria-label='Reset password: Cora Scriptless " + suffix + "']");
        assertThat(counsellor.textContent("#teamPassword")).contains("New password for Cora Scriptless " + suffix);

        admin.navigate(server.uri("admin/index.xhtml").toString());
        post(admin, "[aria-label='Suspend: Cora Scriptless " + suffix + "']");
        assertThat(admin.locator("[id='staffList'] tr:has-text('" + username + "')")
                        .innerText())
                .contains("Suspended");
        counsellor.navigate(server.uri("counsellor/index.xhtml").toString());
        post(counsellor, "[aria-label='Reactivate: Cora Scriptless " + suffix + "']");
        assertThat(Pages.messages(counsellor)).contains("can sign in again");
        admin.navigate(server.uri("admin/index.xhtml").toString());
        assertThat(admin.locator("[id='staffList'] tr:has-text('" + username + "')")
                        .innerText())
                .as("read back")
                .contains("Active");
        // The demo school on the shared server keeps one active counsellor: later tests count the notices it gets.
        post(admin, "[aria-label='Suspend: Cora Scriptless " + suffix + "']");
        assertThat(admin.locator("[id='staffList'] tr:has-text('" + username + "')")
                        .innerText())
                .contains("Suspended");
        signOut(counsellor);
        signOut(admin);
        assertThat(failures).isEmpty();
        assertThat(counsellorFailures).isEmpty();
    }

    /**
     * The stateless pages' forms (joining a class, signing in, registering a learning platform, a staff password)
     * sent with a script nonce PrimeFaces cannot read, as a crafted post or a broken proxy would: each does its work
     * once and answers a page that says so, or refuses and says why, never a 500 after it saved. (These pages take a
     * fresh nonce on every full post, so this is also their walk with scripts off.)
     */
    @Test
    void aStatelessFormWithAMalformedNonceDoesItsWorkOnceAndSaysSo() {
        String suffix = suffix();
        String className = "Join " + suffix;
        String username = "noscript-j-" + suffix;
        Page teacher = page();
        List<String> failures = serverErrors(teacher);
        signIn(teacher, "demo-teacher");
        teacher.fill("[id='newClassForm:name']", className);
        post(teacher, "[id='newClassForm:create']");
        teacher.waitForNavigation(() -> teacher.click("table a:text-is('" + className + "')"));
        String joinCode =
                teacher.textContent("p:has-text('Class code') > span.code").strip();

        Page visitor = page();
        List<String> visitorFailures = serverErrors(visitor);
        visitor.navigate(server.uri("join.xhtml").toString());
        fillJoin(visitor, "ZZZZ9999", username);
        postWithNonce(visitor, "[id='join:submit']", "not-a-nonce");
        assertThat(visitor.textContent("main")).contains("There is no class with this code");
        fillJoin(visitor, joinCode, username);
        postWithNonce(visitor, "[id='join:submit']", "not-a-nonce");
        assertThat(visitor.url()).contains("/login.xhtml");
        assertThat(Pages.messages(visitor)).contains("Your account is ready");
        visitor.fill("[id='signin:username']", username);
        visitor.fill("[id='signin:password']", "not my password at all");
        postWithNonce(visitor, "[id='signin:submit']", "");
        assertThat(Pages.messages(visitor))
                .contains("username or password is not right"); // "The school code, …" once a test added a school
        visitor.fill("[id='signin:username']", username);
        visitor.fill("[id='signin:password']", "amber fox under stars");
        postWithNonce(visitor, "[id='signin:submit']", "not-a-nonce");
        assertThat(visitor.url()).endsWith("/student/index.xhtml");
        teacher.navigate(teacher.url());
        assertThat(teacher.locator("[id='roster']").innerText())
                .as("joined once")
                .containsOnlyOnce(username);

        String platform = "Scriptless LMS " + suffix;
        Page admin = page();
        List<String> adminFailures = serverErrors(admin);
        signIn(admin, "demo-admin");
        admin.navigate(server.uri("admin/lti.xhtml").toString());
        admin.fill("[id='register:name']", platform);
        admin.fill("[id='register:issuer']", "https://lms-" + suffix + ".example");
        admin.fill("[id='register:clientId']", "client-" + suffix);
        admin.fill("[id='register:deployments']", "deployment-1");
        admin.fill("[id='register:authUrl']", "https://lms-" + suffix + ".example/auth");
        admin.fill("[id='register:tokenUrl']", "https://lms-" + suffix + ".example/token");
        admin.fill("[id='register:jwksUrl']", "https://lms-" + suffix + ".example/jwks");
        postWithNonce(admin, "[id='register:submit']", "not-a-nonce");
        assertThat(Pages.messages(admin)).contains("The platform \"" + platform + "\" is registered.");
        admin.navigate(server.uri("admin/lti.xhtml").toString());
        assertThat(admin.textContent("#registrationTable")).as("read back").containsOnlyOnce(platform);
        postWithNonce(admin, "[aria-label='Remove: " + platform + "']", "not-a-nonce");
        assertThat(Pages.messages(admin)).contains("The platform \"" + platform + "\" is no longer registered.");
        admin.navigate(server.uri("admin/lti.xhtml").toString());
        assertThat(admin.textContent("main")).doesNotContain(platform);

        String staff = "noscript-p-" + suffix;
        admin.navigate(server.uri("admin/index.xhtml").toString());
        admin.fill("[id='add:name']", "Pia Scriptless");
        admin.fill("[id='add:username']", staff);
        admin.fill("[id='add:email']", staff + "@dodam.example");
        admin.selectOption("[id='add:role']", new SelectOption().setValue("TEACHER"));
        admin.fill("[id='add:password']", "lighthouse keeper reads maps");
        post(admin, "[id='add:submit']");
        Page member = page();
        List<String> memberFailures = serverErrors(member);
        signIn(member, staff, "lighthouse keeper reads maps");
        // The admin's password is a start password: the page shows the form where the teacher chooses their own.
        assertThat(member.url()).contains("/teacher/password.xhtml");
        member.fill("[id='choose:password']", "amber compass hums softly");
        member.fill("[id='choose:repeat']", "amber compass hums softly" + " x");
        postWithNonce(member, "[id='choose:save']", "not-a-nonce");
        assertThat(member.url()).contains("/teacher/password.xhtml");
        assertThat(member.textContent("[id='choose:repeat-error']"))
                .as("says why")
                .contains("not the same");
        member.fill("[id='choose:password']", "amber compass hums softly");
        member.fill("[id='choose:repeat']", "amber compass hums softly");
        postWithNonce(member, "[id='choose:save']", "not-a-nonce");
        assertThat(Pages.messages(member)).contains("Your password is saved");
        assertThat(member.url()).endsWith("/teacher/index.xhtml");
        member.navigate(server.uri("teacher/password.xhtml").toString());
        fillPasswordChange(member, "not the current one", "copper lantern drifts north");
        postWithNonce(member, "[id='change:save']", "not-a-nonce");
        assertThat(member.url()).contains("/teacher/password.xhtml");
        assertThat(member.locator(".field-error").count()).as("says why").isPositive();
        fillPasswordChange(member, "amber compass hums softly", "copper lantern drifts north");
        postWithNonce(member, "[id='change:save']", "not-a-nonce");
        assertThat(Pages.messages(member)).contains("Your password is changed");
        signOut(member);
        signIn(member, staff, "copper lantern drifts north");
        assertThat(member.url()).as("the new password works").endsWith("/teacher/index.xhtml");
        signOut(member);
        signOut(admin);
        signOut(teacher);
        assertThat(failures).isEmpty();
        assertThat(visitorFailures).isEmpty();
        assertThat(adminFailures).isEmpty();
        assertThat(memberFailures).isEmpty();
    }

    @Test
    void aReportIsSentAndTheCounsellorRepliesAndKeepsANote() {
        String marker = "scripts-off-" + UUID.randomUUID();
        String link = Reporting.schoolLink(browser, server);
        Page reporter = page();
        List<String> reporterFailures = serverErrors(reporter);
        reporter.navigate(server.base().resolve(link).toString());
        String code = Reporting.send(
                reporter, 0, 0, false, "A group chat", "Someone shared an edited photo of me. " + marker);
        assertThat(code).matches(Reporting.RECEIPT);
        String followUp = server.base()
                .resolve(reporter.getAttribute("#followUpLink", "href"))
                .toString();

        assertThat(reporterFailures).isEmpty();

        Page counsellor = page();
        List<String> failures = serverErrors(counsellor);
        signIn(counsellor, "demo-counsellor");
        Reporting.openCase(counsellor, server, marker);
        String casePage = counsellor.url();
        counsellor.fill("[id='reply:text']", "Thank you for telling us. Which chat was it?");
        post(counsellor, "[id='reply:send']");
        assertThat(Pages.messages(counsellor)).contains("The reply was sent");
        assertThat(counsellor.textContent("#conversation")).contains("Which chat was it?");
        counsellor.fill("[id='note:text']", "Spoke with the homeroom teacher. " + marker);
        post(counsellor, "[id='note:add']");
        assertThat(counsellor.textContent("#notes")).contains("Spoke with the homeroom teacher. " + marker);
        counsellor.selectOption("[id='refer:target']", new SelectOption().setValue("TAKE_IT_DOWN"));
        counsellor.fill("[id='refer:reference']", "TID-NOSCRIPT");
        post(counsellor, "[id='refer:add']");
        assertThat(counsellor.textContent("#referrals")).contains("TID-NOSCRIPT");
        post(counsellor, "[id='mandatory:flag']");
        assertThat(counsellor.textContent("#mandatoryState")).contains("Marked as needed on");
        post(counsellor, "[id='referralList'] input[type='submit']");
        assertThat(counsellor.textContent("#referrals")).contains("Done");
        counsellor.selectOption("[id='status:next']", new SelectOption().setValue("IN_PROGRESS"));
        post(counsellor, "[id='status:move']");
        assertThat(counsellor.textContent("#caseStatus")).isEqualTo("In progress");
        String someone = counsellor.getAttribute("[id='assign:who'] option:nth-child(2)", "value");
        counsellor.selectOption("[id='assign:who']", new SelectOption().setValue(someone));
        post(counsellor, "[id='assign:save']");
        counsellor.selectOption("[id='mandatory:agency']", new SelectOption().setIndex(0));
        post(counsellor, "[id='mandatory:record']");
        counsellor.navigate(casePage);
        assertThat(counsellor.inputValue("[id='assign:who']"))
                .as("the case is assigned")
                .isEqualTo(someone);
        assertThat(counsellor.textContent("#mandatoryState")).contains("Reported on");

        reporter.navigate(followUp);
        reporter.fill("[id='followUp:code']", code);
        post(reporter, "[id='followUp:open']");
        assertThat(reporter.textContent("#messagesList")).contains("Which chat was it?");
        reporter.fill("[id='followUp:answer']", "The class group chat. " + marker);
        post(reporter, "[id='followUp:send']");
        assertThat(reporter.textContent("#messagesList")).contains("The class group chat. " + marker);
        assertThat(reporterFailures).isEmpty();

        counsellor.reload();
        post(counsellor, "[id='close:closeCase']");
        assertThat(counsellor.textContent("[id='close']"))
                .as("closing needs an outcome")
                .contains("Choose an outcome");
        counsellor.selectOption("[id='close:outcome']", new SelectOption().setValue("RESOLVED_IN_SCHOOL"));
        post(counsellor, "[id='close:closeCase']");
        assertThat(counsellor.textContent("#caseStatus")).isEqualTo("Closed");
        signOut(counsellor);
        assertThat(failures).isEmpty();
    }

    @Test
    void theLanguageSwitchesAndSignOutWorks() {
        Page page = page();
        List<String> failures = serverErrors(page);
        signIn(page, "demo-student01");
        post(page, "[id='language:ko']");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ko");
        post(page, "[id='language:en']");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        signOut(page);
        assertThat(failures).isEmpty();
    }

    private static Page page() {
        return browser.openWithoutScripts("en", Browser.DESKTOP_WIDTH, Map.of());
    }

    /** Every response of the page's context that is a server error, redirects and sub-resources included. */
    private static List<String> serverErrors(Page page) {
        List<String> errors = new CopyOnWriteArrayList<>();
        page.context().onResponse(response -> {
            if (response.status() >= 500) {
                errors.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        return errors;
    }

    private static void signIn(Page page, String username) {
        signIn(page, username, DodamServer.DEMO_PASSWORD);
    }

    private static void signIn(Page page, String username, String password) {
        Response response = Pages.signIn(page, server, username, password);
        assertThat(response.status()).as("signing in " + username).isEqualTo(200);
        if (!"en".equals(page.getAttribute("html", "lang"))) {
            post(page, "[id='language:en']");
        }
    }

    /** Presses a submit button and checks that the post ended on a page that answered 200. */
    private static void post(Page page, String button) {
        Response response = page.waitForNavigation(() -> page.click(button));
        Browser.screenshot(page, "scripts-off-" + button.replaceAll("[^a-zA-Z]", "") + "-" + System.nanoTime());
        assertThat(response.status()).as(button + " answers " + page.url()).isEqualTo(200);
    }

    /**
     * Presses a submit button with the form's script nonce replaced by {@code nonce} on the way, as a crafted post
     * would send it, and checks that the post ended on a page that answered 200.
     */
    private static void postWithNonce(Page page, String button, String nonce) {
        AtomicBoolean replaced = new AtomicBoolean();
        Consumer<Route> rewrite = route -> {
            String body = route.request().postData();
            if (body == null || !body.contains(NONCE_FIELD)) {
                route.resume();
                return;
            }
            replaced.set(true);
            route.resume(new Route.ResumeOptions()
                    .setPostData(body.replaceAll(
                            Pattern.quote(NONCE_FIELD) + "[^&]*",
                            Matcher.quoteReplacement(NONCE_FIELD + URLEncoder.encode(nonce, StandardCharsets.UTF_8)))));
        };
        page.route("**/*", rewrite);
        try {
            post(page, button);
        } finally {
            page.unroute("**/*", rewrite);
        }
        assertThat(replaced).as("the form carried a nonce to replace").isTrue();
    }

    /** The row of this table whose header cell is this lesson's title. */
    private static String row(String table, String title) {
        return table + " tbody tr:has(th:text-is(\""
                + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"))";
    }

    private static void fillJoin(Page page, String code, String username) {
        page.fill("[id='join:code']", code);
        page.fill("[id='join:name']", "Jin Scriptless");
        page.fill("[id='join:username']", username);
        page.fill("[id='join:password']", "amber fox under stars");
    }

    private static void fillPasswordChange(Page page, String current, String chosen) {
        page.fill("[id='change:current']", current);
        page.fill("[id='change:password']", chosen);
        page.fill("[id='change:repeat']", chosen);
    }

    private static void signOut(Page page) {
        post(page, "[id='signout:signOut']");
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(page.locator("#signedOut").count()).isEqualTo(1);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
