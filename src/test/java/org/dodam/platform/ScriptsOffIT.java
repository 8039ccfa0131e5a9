package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * nonce its client script adds, after the action had committed.
 */
class ScriptsOffIT {

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
        assertThat(admin.locator("[id='staffList'] tr:has-text('noscript-t-" + suffix + "')").innerText()).contains("Suspended");
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
        form.hidden().stream().filter(field -> !field.getKey().equals("primefaces.nonce"))
                .forEach(field -> fields.set(field.getKey(), field.getValue()));
        fields.set("add:name", "Nina Noncefree").set("add:username", username).set("add:email", username + "@dodam.example")
                .set("add:role", admin.getAttribute("[id='add:role'] option:text-is('Teacher')", "value"))
                .set("add:password", "lighthouse keeper reads maps").set("add:submit", "x");
        APIResponse answer = admin.request().post(server.base().resolve(form.action()).toString(),
                RequestOptions.create().setForm(fields).setHeader("Origin", server.base().toString().replaceAll("/$", "")));
        int status = answer.status();
        String text = answer.text();
        admin.navigate(server.uri("admin/index.xhtml").toString());
        assertThat(admin.locator("[id='staffList']").innerText()).as("nothing was saved").doesNotContain(username);
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

        teacher.setInputFiles("[id='import:file']", new FilePayload("class.csv", "text/csv",
                ("name,username,password\nIm Port,noscript-i-" + suffix + ",\n").getBytes(StandardCharsets.UTF_8)));
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
        signOut(student);
        assertThat(studentFailures).isEmpty();
    }

    @Test
    void aReportIsSentAndTheCounsellorRepliesAndKeepsANote() {
        String marker = "scripts-off-" + UUID.randomUUID();
        String link = Reporting.schoolLink(browser, server);
        Page reporter = page();
        List<String> reporterFailures = serverErrors(reporter);
        reporter.navigate(server.base().resolve(link).toString());
        String code = Reporting.send(reporter, 0, 0, false, "A group chat", "Someone shared an edited photo of me. " + marker);
        assertThat(code).matches(Reporting.RECEIPT);
        String followUp = server.base().resolve(reporter.getAttribute("#followUpLink", "href")).toString();

        assertThat(reporterFailures).isEmpty();

        Page counsellor = page();
        List<String> failures = serverErrors(counsellor);
        signIn(counsellor, "demo-counsellor");
        Reporting.openCase(counsellor, server, marker);
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
        assertThat(counsellor.textContent("[id='close']")).as("closing needs an outcome").contains("Choose an outcome");
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

    private static void signOut(Page page) {
        post(page, "[id='signout:signOut']");
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(page.locator("#signedOut").count()).isEqualTo(1);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
