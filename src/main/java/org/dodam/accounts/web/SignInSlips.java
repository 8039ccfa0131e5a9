package org.dodam.accounts.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dodam.accounts.application.Accounts.TemporaryPassword;
import org.dodam.platform.Languages;
import org.dodam.platform.pdf.PdfFonts;
import org.dodam.platform.web.Texts;

/**
 * Sign-in slips as an A4 PDF: eight to a page, each framed by a dashed line to cut along, for a teacher to hand
 * each student theirs. A slip says, in the student's language (or the one the teacher asked for): the school and
 * its code (usernames are unique only within a school), the student's name and username, the temporary password, where to sign in, and that at first sign-in they
 * choose their own password, which then replaces this one. Written with OpenPDF in the shared Hangul font.
 */
final class SignInSlips {

    private static final int PER_ROW = 2;
    private static final float SLIP_HEIGHT = 196;

    private SignInSlips() {}

    /**
     * @param language a language Dodam speaks, for every slip,, or null for each student's own language
     */
    static byte[] render(
            List<TemporaryPassword> slips, String school, String schoolCode, String address, String language)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 24, 24, 24, 24);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            PdfFonts fonts = PdfFonts.forDocument();
            String documentLanguage = Languages.orDefault(language);
            document.addTitle(bundle(documentLanguage).getString("slip.documentTitle"));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(documentLanguage));
            document.open();
            PdfPTable table = new PdfPTable(PER_ROW);
            table.setWidthPercentage(100);
            for (TemporaryPassword slip : slips) {
                table.addCell(
                        slip(slip, school, schoolCode, address, language != null ? language : slip.locale(), fonts));
            }
            for (int empty = slips.size() % PER_ROW; empty > 0 && empty < PER_ROW; empty++) {
                PdfPCell blank = new PdfPCell();
                blank.setBorder(Rectangle.NO_BORDER);
                table.addCell(blank);
            }
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The sign-in slips could not be written", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell slip(
            TemporaryPassword slip, String school, String schoolCode, String address, String language, PdfFonts fonts) {
        ResourceBundle texts = bundle(language);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setCellEvent(DASHED);
        cell.setFixedHeight(SLIP_HEIGHT);
        cell.setPadding(10);
        cell.addElement(line(texts.getString("slip.title") + " · " + school, fonts, 9, Font.NORMAL));
        cell.addElement(line(slip.displayName(), fonts, 14, Font.BOLD));
        cell.addElement(line(texts.getString("slip.username") + ": " + slip.username(), fonts, 11, Font.NORMAL));
        cell.addElement(line(texts.getString("slip.password") + ": " + slip.password(), fonts, 12, Font.BOLD));
        cell.addElement(line(texts.getString("slip.school") + ": " + schoolCode, fonts, 11, Font.NORMAL));
        cell.addElement(line(
                texts.getString("slip.address") + ": " + signInAddress(address, schoolCode), fonts, 9, Font.NORMAL));
        cell.addElement(line(texts.getString("slip.first"), fonts, 8.5f, Font.NORMAL));
        cell.addElement(line(texts.getString("slip.keep"), fonts, 8.5f, Font.NORMAL));
        return cell;
    }

    /** The school's own sign-in address: the form opens with the school's code filled in. */
    static String signInAddress(String address, String schoolCode) {
        return address + (address.endsWith("/") ? "" : "/") + "login.xhtml?school=" + schoolCode;
    }

    private static Paragraph line(String text, PdfFonts fonts, float size, int style) {
        Paragraph paragraph = new Paragraph(fonts.phrase(text, size, style));
        paragraph.setSpacingAfter(1.5f);
        paragraph.setAlignment(Element.ALIGN_LEFT);
        return paragraph;
    }

    static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(Languages.orDefault(language)));
    }

    /** A dashed frame around each slip, to cut along. */
    private static final PdfPCellEvent DASHED = (cell, position, canvases) -> {
        PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
        canvas.saveState();
        canvas.setLineDash(4, 3, 0);
        canvas.setLineWidth(0.6f);
        canvas.setGrayStroke(0.45f);
        canvas.rectangle(
                position.getLeft() + 2, position.getBottom() + 2, position.getWidth() - 4, position.getHeight() - 4);
        canvas.stroke();
        canvas.restoreState();
    };
}
