package org.dodam.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright, one per test class. Pages are opened in fresh
 * contexts (no shared cookies) with a chosen language and screen width.
 */
public final class Browser implements AutoCloseable {

    public static final int PHONE_WIDTH = 360;
    public static final int DESKTOP_WIDTH = 1280;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("dodam.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    public Page open(String language, int width) {
        return open(language, width, java.util.Map.of());
    }

    /** A page whose requests carry these headers too: {@code X-Forwarded-For} to speak as a client of its own. */
    public Page open(String language, int width, java.util.Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept-Language", language);
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(language)
                .setExtraHTTPHeaders(all)
                .setViewportSize(width, width == PHONE_WIDTH ? 740 : 900));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A fresh context with its own user agent and extra request headers, for tests of what the server keeps. */
    public BrowserContext context(String language, int width, String userAgent, java.util.Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept-Language", language);
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(language)
                .setUserAgent(userAgent)
                .setExtraHTTPHeaders(all)
                .setViewportSize(width, width == PHONE_WIDTH ? 740 : 900));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** A page in a browser with JavaScript turned off, as in Tor Browser's safest level. */
    public Page openWithoutScripts(String language, int width, java.util.Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept-Language", language);
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(language)
                .setJavaScriptEnabled(false)
                .setExtraHTTPHeaders(all)
                .setViewportSize(width, width == PHONE_WIDTH ? 740 : 900));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
