package org.dodam.progress.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.platform.Languages;
import org.dodam.platform.web.Texts;
import org.dodam.progress.application.ClassDashboard;
import org.dodam.progress.application.ClassProgress;
import org.dodam.progress.application.ClassProgress.LessonStatus;

/**
 * The class matrix as CSV (UTF-8 with a byte-order mark so that spreadsheet programs read Korean), from
 * the same progress service as the page. Cells that a spreadsheet would run as a formula are defused.
 */
@WebServlet("/teacher/class-export")
public class ClassExportServlet extends HttpServlet {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Inject
    ClassProgress progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    Curriculum curriculum;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Actor teacher = currentUser.actor().orElse(null);
        ClassDashboard dashboard = RequestedDashboard.of(id, teacher, progress).orElse(null);
        if (dashboard == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String lang = Languages.orDefault(teacher.locale());
        ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, java.util.Locale.forLanguageTag(lang));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"dodam-class-" + id + ".csv\"");
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        List<String> header =
                new ArrayList<>(List.of(texts.getString("field.displayName"), texts.getString("field.username")));
        for (String lessonId : dashboard.lessonIds()) {
            String title = curriculum.lessonTitle(lessonId, lang);
            header.add(title);
            header.add(title + " (" + texts.getString("student.home.score") + ")");
        }
        out.write(line(header));
        for (ClassDashboard.StudentRow row : dashboard.students()) {
            List<String> cells = new ArrayList<>(List.of(row.name(), row.username()));
            for (String lessonId : dashboard.lessonIds()) {
                LessonStatus status = row.status(lessonId);
                cells.add(texts.getString("progress.teacher." + status.state().key()));
                cells.add(status.bestScore() == null ? "" : String.valueOf(status.bestScore()));
            }
            out.write(line(cells));
        }
    }

    /**
     * One CSV record, every cell quoted (commons-csv), and a cell that starts like a formula ({@code = + - @}, a tab
     * or a carriage return) led by an apostrophe, so a spreadsheet shows it as text instead of running it: a
     * student's name is typed by a teacher or a class list, and would otherwise run on another teacher's computer.
     */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(cells.stream().map(ClassExportServlet::defused).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    static String defused(String cell) {
        String value = cell == null ? "" : cell;
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
