package org.dodam.progress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dodam.progress.application.ClassDashboard;
import org.dodam.progress.application.ClassProgress.LessonStatus;
import org.dodam.progress.application.ProgressState;
import org.junit.jupiter.api.Test;

/** The class PDF, read back with PDFBox: Korean and Latin names survive, and empty or wide classes still render. */
class ClassPdfTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void holdsKoreanAndLatinNamesStatesAndScoresInTheTeachersLanguage() throws Exception {
        ClassDashboard dashboard = dashboard(
                "2학년 3반",
                List.of("lesson-a"),
                List.of(
                        row(
                                1,
                                "김민지",
                                "demo-student01",
                                Map.of("lesson-a", status("lesson-a", ProgressState.COMPLETED, 100))),
                        row(
                                2,
                                "Zoë O'Brien",
                                "zoe",
                                Map.of("lesson-a", status("lesson-a", ProgressState.OVERDUE, null)))));

        String ko = text(ClassPdfServlet.render(dashboard, id -> "수업 A", "ko", TODAY));
        assertThat(ko)
                .contains("학급 현황판: 2학년 3반")
                .contains("2026-12-04 기준")
                .contains("김민지")
                .contains("demo-student01")
                .contains("수업 A")
                .contains("완료 · 100%")
                .contains("Zoë O'Brien");
        String en = text(ClassPdfServlet.render(dashboard, id -> "Lesson A", "en", TODAY));
        assertThat(en)
                .contains("Class dashboard: 2학년 3반")
                .contains("Completed · 100%")
                .contains("Missing")
                .contains("Lesson A");
    }

    @Test
    void aClassWithoutStudentsOrAssignmentsAndAVeryWideOneStillRender() throws Exception {
        assertThat(text(ClassPdfServlet.render(dashboard("Empty", List.of(), List.of()), id -> id, "en", TODAY)))
                .contains("Class dashboard: Empty");
        List<String> lessons =
                IntStream.rangeClosed(1, 32).mapToObj(i -> "lesson-" + i).toList();
        Map<String, LessonStatus> statuses = new LinkedHashMap<>();
        lessons.forEach(id -> statuses.put(id, status(id, ProgressState.IN_PROGRESS, 55)));
        List<ClassDashboard.StudentRow> rows = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> row(i, "학생 " + i, "student" + i, statuses))
                .toList();
        try (PDDocument document =
                Loader.loadPDF(ClassPdfServlet.render(dashboard("Wide", lessons, rows), id -> id, "ko", TODAY))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document))
                    .contains("학생 60")
                    .contains("lesson-32");
        }
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static ClassDashboard dashboard(String name, List<String> lessons, List<ClassDashboard.StudentRow> rows) {
        return new ClassDashboard(name, lessons, rows, 50, List.of(), List.of());
    }

    private static ClassDashboard.StudentRow row(
            long id, String name, String username, Map<String, LessonStatus> lessons) {
        return new ClassDashboard.StudentRow(id, name, username, lessons);
    }

    private static LessonStatus status(String lessonId, ProgressState state, Integer score) {
        return new LessonStatus(lessonId, null, false, state, score, 100);
    }
}
