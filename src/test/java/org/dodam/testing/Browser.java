package org.dodam.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Headless Debian Chromium driven by Playwright: one browser for the whole test JVM (started by the first test class
 * that asks, again if it has died), and one {@code Browser} per test class, whose pages open in fresh contexts (no
 * shared cookies) with a chosen language and screen width. Closing a {@code Browser} closes the contexts it opened,
 * not the browser, which goes with the JVM.
 */
public final class Browser implements AutoCloseable {

    public static final int PHONE_WIDTH = 360;
    public static final int DESKTOP_WIDTH = 1280;
    static final int TIMEOUT_MILLIS = 30_000;

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser shared;

    private final com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> opened = new ArrayList<>();

    public Browser() {
        chromium = chromium();
    }

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (shared != null && shared.isConnected()) {
            return shared;
        }
        if (playwright != null) {
            playwright.close();
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit, "close-chromium"));
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        shared = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("dodam.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
        return shared;
    }

    private static synchronized void quit() {
        try {
            playwright.close();
        } catch (RuntimeException gone) {
            // the JVM is ending; the driver ends with it
        }
    }

    public Page open(String language, int width) {
        return open(language, width, Map.of());
    }

    /** A page whose requests carry these headers too: {@code X-Forwarded-For} to speak as a client of its own. */
    public Page open(String language, int width, Map<String, String> headers) {
        return context(language, width, headers, options -> {}).newPage();
    }

    /** A fresh context with its own user agent and extra request headers, for tests of what the server keeps. */
    public BrowserContext context(String language, int width, String userAgent, Map<String, String> headers) {
        return context(language, width, headers, options -> options.setUserAgent(userAgent));
    }

    /** A page in a browser with JavaScript turned off, as in Tor Browser's safest level. */
    public Page openWithoutScripts(String language, int width, Map<String, String> headers) {
        return context(language, width, headers, options -> options.setJavaScriptEnabled(false))
                .newPage();
    }

    /**
     * A fresh context (no cookies shared with any other) in that language, at that screen width (a phone's
     * height at 360 px), sending {@code Accept-Language} and the extra headers with every request. Actions wait
     * up to {@value #TIMEOUT_MILLIS} ms: a two-core machine running the whole suite is sometimes that slow.
     */
    private BrowserContext context(
            String language,
            int width,
            Map<String, String> headers,
            Consumer<com.microsoft.playwright.Browser.NewContextOptions> more) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Accept-Language", language);
        var options = new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(language)
                .setExtraHTTPHeaders(all)
                .setViewportSize(width, width == PHONE_WIDTH ? 740 : 900);
        more.accept(options);
        BrowserContext context = chromium.newContext(options);
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        opened.add(context);
        return context;
    }

    /**
     * Every refusal of the Content-Security-Policy in this page from now on, as Chromium reports it on the console
     * and as the page's securitypolicyviolation event (passed to the console here) describes it. Call it before the
     * page's first navigation.
     */
    public static List<String> policyViolations(Page page) {
        List<String> violations = new CopyOnWriteArrayList<>();
        page.addInitScript(
                "document.addEventListener('securitypolicyviolation', e => console.error("
                        + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber))");
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    || message.text().contains("CSP violation")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
        return violations;
    }

    /**
     * Keeps a picture of the page under {@code target/screenshots/} for people to look at; no test reads it. A
     * loaded Chromium sometimes cannot capture at once ("Unable to capture screenshot"): it tries again once,
     * then goes on without the picture rather than fail a test over it.
     */
    public static void screenshot(Page page, String name) {
        Page.ScreenshotOptions options =
                new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name + ".png"));
        try {
            page.screenshot(options);
        } catch (PlaywrightException first) {
            page.waitForTimeout(500);
            try {
                page.screenshot(options);
            } catch (PlaywrightException again) {
                System.err.println("No screenshot " + name + ": "
                        + again.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    /** Closes every context this test class opened (those it closed itself are skipped); the browser stays. */
    @Override
    public void close() {
        for (BrowserContext context : opened) {
            try {
                context.close();
            } catch (PlaywrightException alreadyClosed) {
                // closed by the test, or with a browser that died
            }
        }
        opened.clear();
    }
}
