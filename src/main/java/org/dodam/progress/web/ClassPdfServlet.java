package org.dodam.progress.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.platform.Languages;
import org.dodam.platform.SchoolClock;
import org.dodam.platform.pdf.PdfFonts;
import org.dodam.platform.web.Texts;
import org.dodam.progress.application.ClassDashboard;
import org.dodam.progress.application.ClassProgress;
import org.dodam.progress.application.ClassProgress.LessonStatus;

/**
 * The class matrix as a PDF for printing or filing, from the same progress service as the page and the
 * CSV. Written with OpenPDF directly (no page component involved), so it needs no script and no session
 * state. Korean names need a font with Hangul: {@link PdfFonts}.
 */
@WebServlet("/teacher/class-pdf")
public class ClassPdfServlet extends HttpServlet {

    private static final int LESSONS_PER_TABLE = 8;

    @Inject
    ClassProgress progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    Curriculum curriculum;

    @Inject
    Clock clock;

    @Inject
    SchoolClock schoolClock;

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
        byte[] pdf = render(dashboard, lessonId -> curriculum.lessonTitle(lessonId, lang), lang, schoolClock.today());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"dodam-class-" + id + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    /** Renders the whole document in memory first, so a failure answers an error page instead of half a file. */
    static byte[] render(ClassDashboard dashboard, Function<String, String> lessonTitle, String lang, LocalDate today)
            throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(lang));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            PdfFonts fonts = PdfFonts.forDocument();
            BaseFont hangul = fonts.hangul();
            BaseFont latin = fonts.latin();
            document.addTitle(texts.getString("dashboard.title") + ": " + dashboard.className());
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(lang));
            document.open();
            document.add(new Paragraph(
                    text(texts.getString("dashboard.title") + ": " + dashboard.className(), hangul, latin, 16)));
            document.add(new Paragraph(text(
                    format(texts, "pdf.made", lang, today.toString()) + " · "
                            + format(texts, "dashboard.completionText", lang, dashboard.completionPercent()),
                    hangul,
                    latin,
                    10)));
            document.add(new Paragraph(" "));
            List<String> lessonIds = dashboard.lessonIds();
            for (int from = 0; from == 0 || from < lessonIds.size(); from += LESSONS_PER_TABLE) {
                document.add(table(
                        dashboard,
                        lessonIds.subList(from, Math.min(lessonIds.size(), from + LESSONS_PER_TABLE)),
                        lessonTitle,
                        texts,
                        hangul,
                        latin));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The class PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /** The students by some of the lessons: wide classes get several tables, each legible, names repeated. */
    private static PdfPTable table(
            ClassDashboard dashboard,
            List<String> lessonIds,
            Function<String, String> lessonTitle,
            ResourceBundle texts,
            BaseFont hangul,
            BaseFont latin) {
        float[] widths = new float[2 + lessonIds.size()];
        java.util.Arrays.fill(widths, 1.4f);
        widths[0] = 2f;
        widths[1] = 1.6f;
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(12);
        header(table, texts.getString("field.displayName"), hangul, latin);
        header(table, texts.getString("field.username"), hangul, latin);
        for (String lessonId : lessonIds) {
            header(table, lessonTitle.apply(lessonId), hangul, latin);
        }
        for (ClassDashboard.StudentRow row : dashboard.students()) {
            table.addCell(new PdfPCell(text(row.name(), hangul, latin, 8)));
            table.addCell(new PdfPCell(text(row.username(), hangul, latin, 8)));
            for (String lessonId : lessonIds) {
                LessonStatus status = row.status(lessonId);
                String cell =
                        texts.getString("progress.teacher." + status.state().key())
                                + (status.bestScore() == null ? "" : " · " + status.bestScore() + "%");
                table.addCell(new PdfPCell(text(cell, hangul, latin, 8)));
            }
        }
        return table;
    }

    private static void header(PdfPTable table, String value, BaseFont hangul, BaseFont latin) {
        PdfPCell cell = new PdfPCell(text(value, hangul, latin, 8));
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setGrayFill(0.9f);
        table.addCell(cell);
    }

    private static Phrase text(String value, BaseFont hangul, BaseFont latin, float size) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(hangul, size));
        selector.addFont(new Font(latin, size));
        return selector.process(value);
    }

    private static String format(ResourceBundle texts, String key, String lang, Object... arguments) {
        return new MessageFormat(texts.getString(key), Locale.forLanguageTag(lang)).format(arguments);
    }
}
