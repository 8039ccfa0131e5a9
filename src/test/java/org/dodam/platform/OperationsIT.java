package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.Pages;
import org.dodam.testing.RawHttp;
import org.dodam.testing.Reporting;
import org.dodam.testing.SessionCookies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health endpoints, security headers and the one Content-Security-Policy, the session cookie, what the
 * server shows of itself, and error handling, over plain HTTP and in the browser.
 */
class OperationsIT {

    static DodamServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        server = DodamServer.embedded();
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void livenessAndReadinessAnswerUp() throws Exception {
        for (String path : List.of("health/live", "health/ready")) {
            HttpResponse<String> response = get(server.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
        assertThat(get(server.uri("health/ready")).body()).contains("dodam-database");
    }

    @Test
    void everyPageCarriesSecurityHeadersAndAStrictSessionCookie() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(server.uri("login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var headers = response.headers();
        assertThat(headers.allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(policy -> assertThat(policy)
                        .contains("frame-ancestors 'none'")
                        .contains("object-src 'none'")
                        .contains("default-src 'self'")
                        .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'")
                        .doesNotContain("unsafe"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).isPresent();
        assertThat(headers.firstValue("Cache-Control")).contains("no-store");
        assertThat(headers.allValues("Set-Cookie"))
                .as("the sign-in page makes no session")
                .isEmpty();

        String form = "signin=signin&signin%3Aschool=" + DodamServer.SCHOOL
                + "&signin%3Ausername=demo-student21&signin%3Apassword=" + DodamServer.DEMO_PASSWORD
                + "&signin%3Asubmit=x&jakarta.faces.ViewState=" + HttpSession.viewState(response.body());
        HttpResponse<String> signedIn = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("login.xhtml"))
                                .header("Origin", server.origin())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    /**
     * Visitors who are not signed in get no session: nothing of a page view (above all an anonymous
     * report) stays on the server, and a flood of requests cannot fill the memory with sessions (a signed-in
     * page asked for without signing in makes none either: SignedOutVisitorIT).
     */
    @Test
    void pagesForVisitorsWhoAreNotSignedInMakeNoSession() throws Exception {
        String home = HttpSession.signIn(server, "demo-student22", DodamServer.DEMO_PASSWORD)
                .get("student/index.xhtml")
                .body();
        Matcher link =
                Pattern.compile("id=\"tellSomeone\"[^>]*href=\"/([^\"]*)\"").matcher(home);
        assertThat(link.find()).as("the student's link to the report page").isTrue();
        String report = link.group(1).replace("&amp;", "&");
        HttpClient noCookies = HttpClient.newHttpClient();
        for (String path : List.of(
                "",
                "index.xhtml",
                "login.xhtml",
                "join.xhtml",
                report,
                report.replace("report/index.xhtml", "report/follow-up.xhtml"),
                "report/index.xhtml?s=nothing",
                "no-such-page.xhtml")) {
            HttpResponse<String> response = noCookies.send(
                    HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(200, 302, 404);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(SessionCookies::isSession);
        }

        HttpResponse<String> switched = noCookies.send(
                HttpRequest.newBuilder(server.uri("language"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "ko")
                        .POST(HttpRequest.BodyPublishers.ofString("return=%2Flogin.xhtml%3FsignedOut%3Dtrue&lang=en"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location"))
                .as("back to the same page")
                .hasValue("/login.xhtml?signedOut=true");
        List<String> cookies = switched.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .as("a language switch leaves only the language")
                .noneMatch(SessionCookies::isSession)
                .anySatisfy(c -> assertThat(c).startsWith("dodam-lang=en").contains("HttpOnly"));
        String english = noCookies
                .send(
                        HttpRequest.newBuilder(server.uri("login.xhtml"))
                                .header("Accept-Language", "ko")
                                .header("Cookie", "dodam-lang=en")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(english).contains("lang=\"en\"").contains("Sign in");
    }

    /**
     * One policy per response, whoever writes it: PrimeFaces on Faces pages (with the page's nonce), the
     * security-headers filter everywhere else (files, servlets, error pages), never both.
     */
    @Test
    void everyResponseCarriesOneContentSecurityPolicyWithoutUnsafeScripts() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (String path :
                List.of("login.xhtml", "join.xhtml", "", "no-such-page.xhtml", "resources/dodam.css", "health/ready")) {
            responses.add(get(server.uri(path)));
        }
        responses.add(http.send(
                HttpRequest.newBuilder(server.uri("language"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("return=%2Flogin.xhtml&lang=en"))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        HttpSession student = HttpSession.signIn(server, "demo-student20", DodamServer.DEMO_PASSWORD);
        responses.add(student.get("student/index.xhtml"));
        responses.add(student.get("student/lesson.xhtml?id=consent-asking-first&section=1"));
        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .as(response.uri().toString())
                    .singleElement()
                    .satisfies(policy -> assertThat(policy)
                            .contains("script-src 'self'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("unsafe-eval")
                            .contains("frame-ancestors 'none'"));
        }
    }

    /**
     * Every role's main pages, in Chromium, under the one policy: no script or style is refused (Chromium
     * reports each refusal on the console, and the page fires securitypolicyviolation, which is passed to the
     * console here too), and every page's document came with exactly one policy.
     */
    @Test
    void everyRolesPagesRunUnderThePolicyWithoutViolations() {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> policies = new LinkedHashMap<>();
        try (Browser browser = new Browser()) {
            Page visitor = watched(browser, violations, policies);
            for (String path : List.of("index.xhtml", "login.xhtml", "join.xhtml", "no-such-page.xhtml")) {
                visitor.navigate(server.uri(path).toString());
            }
            visitor.context().close();

            Page student = watched(browser, violations, policies);
            Pages.signIn(student, server, "demo-student19", DodamServer.DEMO_PASSWORD);
            String report = student.getAttribute("#tellSomeone", "href");
            for (String path : List.of(
                    "student/index.xhtml",
                    "student/lesson.xhtml?id=consent-asking-first&section=1",
                    "student/quiz.xhtml?id=consent-asking-first")) {
                student.navigate(server.uri(path).toString());
            }
            student.navigate(server.uri(report).toString());
            student.navigate(server.uri(report.replace("report/index.xhtml", "report/follow-up.xhtml"))
                    .toString());
            student.context().close();

            Page teacher = watched(browser, violations, policies);
            Pages.signIn(teacher, server, "demo-teacher", DodamServer.DEMO_PASSWORD);
            teacher.waitForNavigation(() -> teacher.click("table a"));
            String classId = teacher.url().replaceAll(".*[?&]id=(\\d+).*", "$1");
            for (String path : List.of(
                    "teacher/dashboard.xhtml?id=" + classId,
                    "teacher/curriculum.xhtml",
                    "teacher/lesson.xhtml?id=consent-asking-first")) {
                teacher.navigate(server.uri(path).toString());
            }
            teacher.waitForNavigation(() -> teacher.click("[id='language:en']"));
            teacher.context().close();

            Page counsellor = watched(browser, violations, policies);
            Pages.signIn(counsellor, server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
            for (String path : List.of(
                    "counsellor/statistics.xhtml",
                    "counsellor/audit.xhtml",
                    "counsellor/curriculum.xhtml",
                    "counsellor/index.xhtml")) {
                counsellor.navigate(server.uri(path).toString());
            }
            if (counsellor.locator(Reporting.INBOX + " tbody a").count() > 0) {
                counsellor.waitForNavigation(() -> counsellor.click(Reporting.INBOX + " tbody a"));
            }
            counsellor.context().close();

            Page admin = watched(browser, violations, policies);
            Pages.signIn(admin, server, "demo-admin", DodamServer.DEMO_PASSWORD);
            admin.navigate(server.uri("admin/reports.xhtml").toString());
            admin.context().close();
        }
        assertThat(policies).as("pages visited").hasSizeGreaterThan(15);
        assertThat(policies)
                .as("Content-Security-Policy headers per page")
                .allSatisfy((url, count) -> assertThat(count).as(url).isEqualTo(1));
        assertThat(violations).as("refused by the policy").isEmpty();
    }

    /** A page that passes every refusal of the policy, and how many policies each document came with, to the lists. */
    private static Page watched(Browser browser, List<String> violations, Map<String, Integer> policies) {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        page.context()
                .addInitScript(
                        "document.addEventListener('securitypolicyviolation', e => console.error("
                                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber))");
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    || message.text().contains("CSP violation")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.status() < 300) {
                policies.put(
                        response.url(),
                        response.headerValues("content-security-policy").size());
            }
        });
        return page;
    }

    /**
     * The WAR a school runs has no debug surface: Payara's metrics (memory, threads, pools) and OpenAPI
     * answer our 404, the benchmark page and statement counter are not in it, and health says only UP or
     * DOWN, with nothing in its data.
     */
    @Test
    void theProductionWarHasNoDebugSurface() throws Exception {
        for (String path : List.of(
                "metrics",
                "metrics/base",
                "metrics/vendor",
                "metrics/application",
                "openapi",
                "openapi/ui",
                "bench-floor.xhtml")) {
            HttpResponse<String> response = get(server.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body())
                    .as(path)
                    .contains("Page not found")
                    .doesNotContain("jvm")
                    .doesNotContain("openapi:")
                    .doesNotContain("thread");
        }
        for (String path : List.of("health", "health/live", "health/ready", "health/started")) {
            HttpResponse<String> response = get(server.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()
                            .replaceAll("\\{\"name\":\"dodam(-database)?\",\"status\":\"UP\",\"data\":\\{\\}\\}", ""))
                    .as(path + ": status and check names only")
                    .matches("\\{\"status\":\"UP\",\"checks\":\\[,?\\]\\}");
        }
        try (ZipFile war = new ZipFile(
                Path.of(System.getProperty("dodam.war", "target/dodam.war")).toFile())) {
            assertThat(war.stream()
                            .map(e -> e.getName())
                            .filter(name -> name.contains("bench")
                                    || name.contains("SqlStatementCount")
                                    || name.contains("SqlCountFilter"))
                            .toList())
                    .as("benchmark files in the WAR")
                    .isEmpty();
        }
    }

    /** Neither Payara's Server header nor X-Powered-By, on pages, errors, files, redirects or refusals. */
    @Test
    void noResponseNamesTheServer() throws Exception {
        HttpClient noRedirects = HttpClient.newHttpClient();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (String path : List.of(
                "login.xhtml",
                "no-such-page.xhtml",
                "resources/dodam.css",
                "health/ready",
                "metrics",
                "student/index.xhtml",
                "teacher")) {
            responses.add(noRedirects.send(
                    HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        responses.add(noRedirects.send(
                HttpRequest.newBuilder(server.uri("login.xhtml"))
                        .method("PUT", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        responses.add(noRedirects.send(
                HttpRequest.newBuilder(server.uri("language"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("return=%2F&lang=ko"))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(responses).extracting(HttpResponse::statusCode).contains(200, 301, 302, 303, 404);
        for (HttpResponse<String> response : responses) {
            HttpHeaders headers = response.headers();
            assertThat(headers.firstValue("Server"))
                    .as(response.uri() + " Server")
                    .isEmpty();
            assertThat(headers.firstValue("X-Powered-By"))
                    .as(response.uri() + " X-Powered-By")
                    .isEmpty();
        }
    }

    /**
     * A client that is not the trusted proxy (the embedded server trusts 127.0.0.1 only; this client connects
     * from 127.0.0.2) claims HTTPS and another host in its headers: nothing changes: no HSTS, no Secure
     * cookie, no redirect or link to the claimed host.
     */
    @Test
    void forgedProxyHeadersFromAnUntrustedClientChangeNothing() throws Exception {
        Map<String, String> forged = Map.of(
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "evil.example",
                "X-Forwarded-Port",
                "443",
                "Forwarded",
                "proto=https;host=evil.example",
                "Accept-Language",
                "en");
        RawHttp.Response login = RawHttp.get(server, UNTRUSTED, "login.xhtml", forged);
        assertThat(login.first("Strict-Transport-Security")).isEmpty();
        String form = "signin=signin&signin%3Aschool=" + DodamServer.SCHOOL
                + "&signin%3Ausername=demo-counsellor&signin%3Apassword="
                + URLEncoder.encode(DodamServer.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&signin%3Asubmit=x&jakarta.faces.ViewState="
                + URLEncoder.encode(HttpSession.viewState(login.body()), StandardCharsets.UTF_8);
        Map<String, String> fromTheSignInPage = new java.util.HashMap<>(forged);
        fromTheSignInPage.put("Origin", server.origin());
        RawHttp.Response signedIn = RawHttp.post(server, UNTRUSTED, "login.xhtml", fromTheSignInPage, form);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.first("Location"))
                .hasValueSatisfying(location ->
                        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:"));
        String session = signedIn.all("Set-Cookie").stream()
                .filter(SessionCookies::isSession)
                .findFirst()
                .orElseThrow();
        assertThat(session).startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure");
        Map<String, String> signedInForged = new java.util.HashMap<>(forged);
        signedInForged.put("Cookie", session.substring(0, session.indexOf(';')));
        RawHttp.Response inbox = RawHttp.get(server, UNTRUSTED, "counsellor/index.xhtml", signedInForged);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("id=\"reportLink\">http://").doesNotContain("evil.example");
        assertThat(inbox.first("Strict-Transport-Security")).isEmpty();
    }

    /** This machine, but not the proxy the embedded server trusts (127.0.0.1). */
    private static final String UNTRUSTED = "127.0.0.2";

    @Test
    void theThemeIsServedByTheApplication() throws Exception {
        String page = get(server.uri("login.xhtml")).body();
        Matcher theme = Pattern.compile("href=\"([^\"]*theme\\.css[^\"]*)\"").matcher(page);
        assertThat(theme.find()).as("a theme stylesheet link").isTrue();
        assertThat(theme.group(1)).startsWith("/");
        assertThat(get(server.uri(theme.group(1).replace("&amp;", "&"))).statusCode())
                .isEqualTo(200);
        assertThat(page).doesNotContain("cdn.").doesNotContain("https://");
    }

    @Test
    void unknownPagesAnswerOurOwn404() throws Exception {
        for (String path : List.of(
                "no-such-page.xhtml", "WEB-INF/web.xml", "teacher/", "student/index.xhtml/../../WEB-INF/web.xml")) {
            HttpResponse<String> response = get(server.uri(path));
            assertThat(response.statusCode()).as(path).isIn(302, 404);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:")
                    .doesNotContain("Payara Micro");
        }
        HttpResponse<String> missing = get(server.uri("no-such-page.xhtml"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).containsAnyOf("Page not found", "페이지를 찾을 수 없어요");
    }

    @Test
    void otherHttpMethodsAreRefusedWithoutAServerError() throws Exception {
        for (String method : List.of("PUT", "DELETE", "TRACE", "OPTIONS")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(server.uri("login.xhtml"))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method).isBetween(400, 499);
        }
    }

    @Test
    void anExpiredFormSendsThePersonBackWithANoticeInsteadOfAnError() throws Exception {
        get(server.uri("login.xhtml"));
        String form = "signin=signin&signin%3Aschool=" + DodamServer.SCHOOL
                + "&signin%3Ausername=demo-admin&signin%3Apassword=x&signin%3Asubmit=Sign+in"
                + "&jakarta.faces.ViewState=-1234567890%3A987654321";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.uri("login.xhtml"))
                        .header("Origin", server.origin())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        HttpResponse<String> after = get(
                URI.create(response.headers().firstValue("Location").orElseThrow())
                                .isAbsolute()
                        ? URI.create(response.headers().firstValue("Location").orElseThrow())
                        : server.base()
                                .resolve(response.headers()
                                        .firstValue("Location")
                                        .orElseThrow()));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).containsAnyOf("This page had expired", "페이지가 만료되어");
    }

    @Test
    void theServerLogHoldsNoPasswordsOrFormInput() throws Exception {
        get(server.uri("login.xhtml"));
        String marker = "MarkerPassword" + System.nanoTime();
        String form = "signin=signin&signin%3Aschool=" + DodamServer.SCHOOL
                + "&signin%3Ausername=demo-admin&signin%3Apassword=" + marker + "&signin%3Asubmit=x"
                + "&jakarta.faces.ViewState=stateless";
        http.send(
                HttpRequest.newBuilder(server.uri("login.xhtml"))
                        .header("Origin", server.origin())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(server.logText()).doesNotContain(marker);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
