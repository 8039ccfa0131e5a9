package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.stream.Stream;
import org.dodam.content.application.CourseContentReader;
import org.dodam.platform.Languages;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Pages;
import org.junit.jupiter.api.Test;

/**
 * Restarts with changed content: an edit shows, a removed lesson is retired but still opens, a broken
 * content set is refused with file and line while the previous content stays, and nothing is duplicated.
 */
class ContentReloadIT {

    static final String NAME = "content-reload";

    @Test
    void contentUpdatesAreUpsertedRetiredAndRefusedWhole() throws Exception {
        Path content = Path.of("target", "it-content", NAME).toAbsolutePath();
        copy(Path.of("course-content"), content);
        Map<String, String> env = Map.of("DODAM_CONTENT_DIR", content.toString());

        DodamServer server = DodamServer.start(NAME, env, true);
        try (Browser browser = new Browser()) {
            assertThat(curriculumText(browser, server)).contains("Asking first").contains("Consent can change");
        } finally {
            server.stop();
        }

        edit(
                content.resolve("consent-and-respect/consent-asking-first.en.md"),
                "title: Asking first",
                "title: Asking first, always");
        Path module = content.resolve("consent-and-respect/module.yaml");
        String yaml = Files.readString(module);
        int start = yaml.indexOf("  - id: consent-can-change");
        int end = yaml.indexOf("\n  - id: ", start + 5);
        Files.writeString(module, yaml.substring(0, start) + (end < 0 ? "" : yaml.substring(end + 1)));

        server = DodamServer.start(NAME, env, false);
        try (Browser browser = new Browser()) {
            String curriculum = curriculumText(browser, server);
            assertThat(curriculum).contains("Asking first, always").doesNotContain("Consent can change");
            Page page = teacher(browser, server);
            page.navigate(
                    server.uri("teacher/lesson.xhtml?id=consent-can-change").toString());
            assertThat(page.content()).contains("no longer part of the curriculum");
            page.context().close();
        } finally {
            server.stop();
        }

        edit(
                content.resolve("consent-and-respect/consent-asking-first.en.md"),
                "## Your face, your choice",
                "## Your face, your choice\n\n<b>bold</b>");
        server = DodamServer.start(NAME, env, false);
        try (Browser browser = new Browser()) {
            assertThat(server.logText())
                    .contains("REFUSED")
                    .containsPattern(
                            "consent-and-respect/consent-asking-first\\.en\\.md:\\d+: raw HTML is not allowed");
            assertThat(curriculumText(browser, server))
                    .as("the previous content stays")
                    .contains("Asking first, always");
        } finally {
            server.stop();
        }

        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + server.dataDirectory().resolve("dodam"), "dodam", "dodam")) {
            assertThat(count(db, "select count(*) from lesson"))
                    .as("no lesson was duplicated")
                    .isEqualTo(lessonsIn(Path.of("course-content")));
            assertThat(count(db, "select count(*) from lesson where retired")).isEqualTo(1);
            assertThat(count(db, "select count(*) from lesson where id = 'consent-can-change' and retired"))
                    .isEqualTo(1);
            assertThat(count(db, "select count(*) from content_set")).isEqualTo(2);
            assertThat(count(db, "select count(*) from lesson_text"))
                    .as("a title row per lesson and language")
                    .isEqualTo(lessonsIn(Path.of("course-content")) * Languages.SUPPORTED.size());
            assertThat(count(db, "select count(*) from course_module_text"))
                    .as("a text row per module and language")
                    .isEqualTo(CourseContentReader.read(Path.of("course-content"))
                                    .modules()
                                    .size()
                            * Languages.SUPPORTED.size());
            assertThat(
                            text(
                                    db,
                                    "select title from lesson_text where lesson_id = 'consent-asking-first' and language = 'en'"))
                    .isEqualTo("Asking first, always");
            assertThat(
                            text(
                                    db,
                                    "select title from lesson_text where lesson_id = 'consent-asking-first' and language = 'ko'"))
                    .as("the other language's row is left as it was")
                    .isEqualTo("먼저 물어보기");
        }
    }

    /** Every lesson of the curriculum, student and staff, as the copy started with. */
    private static int lessonsIn(Path root) {
        return CourseContentReader.read(root).modules().stream()
                .mapToInt(m -> m.lessons().size())
                .sum();
    }

    private static Page teacher(Browser browser, DodamServer server) {
        Page page = browser.open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(page, server, "demo-teacher2", DodamServer.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.click("[id='language:en']"));
        return page;
    }

    private static String curriculumText(Browser browser, DodamServer server) {
        Page page = teacher(browser, server);
        page.navigate(server.uri("teacher/curriculum.xhtml").toString());
        String text = page.locator("main").innerText();
        page.context().close();
        return text;
    }

    private static String text(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> walk = Files.walk(to)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
