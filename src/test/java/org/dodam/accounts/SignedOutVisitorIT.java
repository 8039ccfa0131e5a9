package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.dodam.testing.RawHttp;
import org.dodam.testing.SessionCookies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A visitor who is not signed in and asks for a signed-in page is sent to the sign-in page, as before, but the
 * server keeps nothing for them: no session, so a flood of such requests cannot fill the memory and a visitor
 * carries no session id into the sign-in. Where to go after signing in travels in the address instead.
 */
class SignedOutVisitorIT {

    static DodamServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DodamServer.embedded();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void aSignedInPageAskedForWithoutSigningInSendsToSignInAndMakesNoSession() {
        for (String path : List.of(
                "teacher/index.xhtml",
                "teacher/class.xhtml?id=1",
                "teacher/sign-in-slips?id=1",
                "teacher/family-letter?module=consent&lang=en",
                "student/index.xhtml",
                "student/lesson.xhtml?id=consent-asking-first",
                "counsellor/index.xhtml",
                "counsellor/case.xhtml?id=1",
                "admin/index.xhtml",
                "teacher/")) {
            RawHttp.Response answer = RawHttp.get(server, "127.0.0.1", path, Map.of("Accept-Language", "en"));
            assertThat(answer.status()).as(path).isIn(302, 303);
            assertThat(answer.first("Location"))
                    .as(path)
                    .hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
            assertThat(answer.all("Set-Cookie")).as(path + " makes no session").noneMatch(SessionCookies::isSession);
        }
        RawHttp.Response post = RawHttp.post(
                server, "127.0.0.1", "teacher/index.xhtml", Map.of("Sec-Fetch-Site", "same-origin"), "a=b");
        assertThat(post.status()).as("a post").isIn(302, 303);
        assertThat(post.all("Set-Cookie")).as("a post makes no session").noneMatch(SessionCookies::isSession);
    }

    @Test
    void afterSigningInThePersonLandsOnThePageTheyAskedFor() {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        page.navigate(server.uri("teacher/curriculum.xhtml").toString());
        assertThat(page.url()).contains("/login.xhtml");
        assertThat(page.context().cookies())
                .as("no session before signing in")
                .noneMatch(c -> SessionCookies.isSessionName(c.name));
        Pages.schoolIfAsked(page);
        page.fill("[id='signin:username']", "demo-teacher2");
        page.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='signin:submit']"));
        assertThat(page.url()).contains("/teacher/curriculum.xhtml");

        Page other = browser.open("en", Browser.DESKTOP_WIDTH);
        other.navigate(server.uri("login.xhtml?continue="
                        + java.net.URLEncoder.encode("https://evil.example/", java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        Pages.schoolIfAsked(other);
        other.fill("[id='signin:username']", "demo-teacher2");
        other.fill("[id='signin:password']", DodamServer.DEMO_PASSWORD);
        other.waitForNavigation(() -> other.click("[id='signin:submit']"));
        assertThat(other.url())
                .as("never to another site")
                .startsWith(server.base().toString())
                .contains("/teacher/index.xhtml");
        page.context().close();
        other.context().close();
    }
}
