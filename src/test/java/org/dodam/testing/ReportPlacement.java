package org.dodam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dodam.testing.DatabaseSnapshot.Change;

/**
 * The adversary of docs/threat-model.md who is the school itself: it holds the whole database, every file
 * the server wrote and its log, and wants to know whether the student it suspects sent a report. A student
 * works through a lesson and its quiz; a report is sent; a counsellor asks a question; the reporter answers
 * with the receipt code; the student goes on with the next lesson. The adversary then tries to set what the
 * reporter did among the student's clicks, by ids, times, the tables and rows written, the id counter, log
 * lines and file times, and must fail at each. Run on H2 (AnonymityIT) and PostgreSQL (PostgresIT).
 */
public final class ReportPlacement {

    static final long CASE_ID_FLOOR = 1L << 52;
    static final String FIRST_LESSON = "consent-asking-first";
    static final String SECOND_LESSON = "consent-can-change";

    /** Where the adversary looks, and who plays the student, the reporter's browser and the counsellor. */
    public record Scene(
            DodamServer server,
            Browser browser,
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            String student,
            String studentPassword,
            String counsellor,
            String counsellorPassword,
            String reportLink,
            Map<String, String> reporterHeaders) {}

    /** What the reporter sent, for the caller's own further checks. */
    public record Sent(String marker, String code) {}

    private ReportPlacement() {}

    /**
     * Plays the scene and asserts that nothing places the report or the reporter's answer among the student's
     * rows. {@code beforeSend} runs with the report filled in, just before it is sent.
     */
    public static Sent tryToPlace(Scene scene, Runnable beforeSend) {
        DodamServer server = scene.server();
        String marker = "adversary-" + UUID.randomUUID();
        DatabaseSnapshot start = snapshot(scene);
        Page student = scene.browser().open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(student, server, scene.student(), scene.studentPassword());
        Pages.useLanguage(student, "en");
        Learner.readAll(student, server, FIRST_LESSON);
        Learner.answerAll(student, server, FIRST_LESSON, false, "en");
        DatabaseSnapshot afterFirstLesson = snapshot(scene);

        Page reporter = scene.browser()
                .context(
                        "en",
                        Browser.PHONE_WIDTH,
                        "Mozilla/5.0 (Linux; Android 14) Chrome/140",
                        scene.reporterHeaders())
                .newPage();
        Trace report = Trace.begin(scene);
        reporter.navigate(scene.reportLink());
        Reporting.fill(reporter, 0, 0, false, "the class chat", "It was me in the picture. " + marker);
        beforeSend.run();
        String code = Reporting.submit(reporter);
        assertThat(code).as("the report was received").matches(Reporting.RECEIPT);
        report.end("sending the report");
        DatabaseSnapshot afterReport = snapshot(scene);

        Page counsellor = scene.browser().open("en", Browser.DESKTOP_WIDTH);
        Pages.signIn(counsellor, server, scene.counsellor(), scene.counsellorPassword());
        Pages.useLanguage(counsellor, "en");
        Reporting.openCase(counsellor, server, marker);
        counsellor.fill("[id='reply:text']", "Thank you for telling us. Which chat was it?");
        counsellor.waitForNavigation(() -> counsellor.click("[id='reply:send']"));
        DatabaseSnapshot afterQuestion = snapshot(scene);

        Trace answer = Trace.begin(scene);
        reporter.navigate(scene.reportLink().replace("index.xhtml", "follow-up.xhtml"));
        reporter.fill("[id='followUp:code']", code);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:open']"));
        assertThat(reporter.textContent("#messagesList")).contains("Which chat was it?");
        reporter.fill("[id='followUp:answer']", "The class group chat. " + marker);
        reporter.waitForNavigation(() -> reporter.click("[id='followUp:send']"));
        assertThat(reporter.textContent("#messagesList")).contains("The class group chat.");
        answer.end("answering the counsellor");
        DatabaseSnapshot afterAnswer = snapshot(scene);

        Learner.readAll(student, server, SECOND_LESSON);
        Learner.answerAll(student, server, SECOND_LESSON, true, "en");
        DatabaseSnapshot afterSecondLesson = snapshot(scene);
        for (Page page : List.of(student, reporter, counsellor)) {
            page.context().close();
        }

        List<Change> byReporter = new ArrayList<>(afterReport.since(afterFirstLesson));
        byReporter.addAll(afterAnswer.since(afterQuestion));
        List<Change> byStudent = new ArrayList<>(afterFirstLesson.since(start));
        byStudent.addAll(afterSecondLesson.since(afterAnswer));
        assertThat(tablesAddedTo(byStudent))
                .as("the student's clicks wrote rows")
                .contains("quiz_attempt", "attempt_answer");
        assertThat(tablesAddedTo(byReporter))
                .as("the reporter's steps wrote rows")
                .contains("incident_report", "case_message");

        assertThat(tablesAddedTo(byReporter))
                .as("no table holds both the reporter's rows and the student's, so no row "
                        + "order can set one among the other")
                .doesNotContainAnyElementsOf(tablesAddedTo(byStudent));
        for (Change change : byReporter) {
            String where = change.table() + " " + change.key() + " " + change.values();
            if (change.added() && change.values().get("id") instanceof Number id) {
                assertThat(id.longValue())
                        .as("a random id apart from the shared counter: " + where)
                        .isGreaterThanOrEqualTo(CASE_ID_FLOOR);
            }
            change.values()
                    .forEach((column, value) -> assertThat(
                                    value == null || !afterSecondLesson.holdsTimeOfDay(change.table(), column))
                            .as("the reporter's step wrote no time finer than the day: " + column + " in " + where)
                            .isTrue());
            assertThat(change.table())
                    .as("the reporter's step moved no shared counter: " + where)
                    .isNotEqualTo("id_generator");
        }
        return new Sent(marker, code);
    }

    private static Set<String> tablesAddedTo(List<Change> changes) {
        return changes.stream().filter(Change::added).map(Change::table).collect(Collectors.toSet());
    }

    private static DatabaseSnapshot snapshot(Scene scene) {
        return DatabaseSnapshot.take(scene.jdbcUrl(), scene.dbUser(), scene.dbPassword());
    }

    /**
     * The server's log and every file under its directory, but the database's own (whose engine records its
     * write times, as docs/threat-model.md says), before and after one of the reporter's steps.
     */
    private record Trace(Scene scene, int logLength, Map<String, String> files) {

        static Trace begin(Scene scene) {
            return new Trace(
                    scene,
                    scene.server().logText().length(),
                    files(scene.server().directory()));
        }

        void end(String step) {
            assertThat(scene.server().logText().substring(logLength))
                    .as(step + " writes no log line")
                    .isEmpty();
            assertThat(files(scene.server().directory()))
                    .as(step + " touches no file the school could date it by")
                    .isEqualTo(files);
        }

        private static Map<String, String> files(Path directory) {
            try (Stream<Path> all = Files.walk(directory)) {
                Map<String, String> files = new TreeMap<>();
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".mv.db") && !name.endsWith(".lock.db")) {
                        files.put(
                                directory.relativize(file).toString(),
                                Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file));
                    }
                }
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
