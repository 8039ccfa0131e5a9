package org.dodam.content.web;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.dodam.content.domain.ContentModel;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.HelpRoute;
import org.dodam.platform.Languages;
import org.dodam.platform.pdf.PdfFonts;
import org.dodam.platform.web.Texts;

/**
 * A family letter as an A4 PDF to print and send home: the school's name and the module's title above the
 * letter, the help routes of the school's country where the letter marks them, the date and the school's
 * name below it. A small renderer over commonmark's syntax tree rather than HTML to PDF: letters hold only
 * headings, paragraphs, emphasis and lists ({@code FamilyLetterRules}), and each of those maps to one OpenPDF
 * element in the fonts of {@link PdfFonts}, so Hangul and Latin print alike without another library.
 */
public final class FamilyLetterPdf {

    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern HELP_ROUTES =
            Pattern.compile("^" + Pattern.quote(ContentModel.HELP_ROUTES_MARK) + "[ \\t]*$", Pattern.MULTILINE);
    private static final float BODY = 10.5f;
    private static final float LEADING = 15.5f;
    private static final float SMALL = 9f;
    /** A heading needs this much room below it on the page, or it starts the next page instead of ending this one. */
    private static final float ROOM_AFTER_HEADING = 72f;

    private final ResourceBundle texts;
    private final PdfFonts fonts;
    private final Document document;
    private final PdfWriter writer;

    private FamilyLetterPdf(ResourceBundle texts, PdfFonts fonts, Document document, PdfWriter writer) {
        this.texts = texts;
        this.fonts = fonts;
        this.document = document;
        this.writer = writer;
    }

    /**
     * What one letter is printed from. {@code help} (the routes of the school's country), {@code schoolName} and
     * {@code date} may be null; the letter then goes without them.
     */
    public record Letter(
            String locale, String moduleTitle, String markdown, CountryHelp help, String schoolName, LocalDate date) {}

    /** Renders the whole document in memory first, so a failure answers an error page instead of half a file. */
    public static byte[] render(Letter letter) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(letter.locale()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(format(texts, "familyLetter.pdfTitle", letter.moduleTitle()));
            if (letter.schoolName() != null) {
                document.addAuthor(letter.schoolName());
            }
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(letter.locale()));
            document.open();
            new FamilyLetterPdf(texts, PdfFonts.forDocument(), document, writer).write(letter);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The family letter could not be written", e);
        }
        return out.toByteArray();
    }

    private void write(Letter letter) throws DocumentException {
        String school = letter.schoolName() == null || letter.schoolName().isBlank()
                ? null
                : letter.schoolName().strip();
        Paragraph kind = new Paragraph(fonts.phrase(
                school == null ? texts.getString("familyLetter.kind") : format(texts, "familyLetter.kindOf", school),
                SMALL));
        document.add(kind);
        Paragraph title =
                new Paragraph(fonts.phrase(format(texts, "familyLetter.title", letter.moduleTitle()), 18, Font.BOLD));
        title.setLeading(24);
        title.setSpacingBefore(4);
        document.add(title);
        document.add(new Chunk(new LineSeparator(0.5f, 100, null, Element.ALIGN_CENTER, -6)));
        document.add(spacer(6));

        String[] parts = HELP_ROUTES.split(letter.markdown(), 2);
        markdown(parts[0]);
        if (parts.length > 1) {
            helpRoutes(letter.help(), letter.locale());
            markdown(parts[1]);
        }

        float before = 14;
        if (letter.date() != null) {
            document.add(closing(
                    fonts.phrase(
                            DateTimeFormatter.ofPattern(
                                            texts.getString("familyLetter.date"),
                                            Locale.forLanguageTag(letter.locale()))
                                    .format(letter.date()),
                            BODY),
                    before));
            before = 0;
        }
        if (school != null) {
            document.add(closing(fonts.phrase(school, BODY, Font.BOLD), before));
        }
    }

    /** A line of the letter's end, against the right margin as letters are signed. */
    private static Paragraph closing(Phrase text, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        paragraph.setLeading(LEADING);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private void markdown(String markdown) throws DocumentException {
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            Element element = block(block, 0);
            if (element != null) {
                document.add(element);
            }
            if (element instanceof com.lowagie.text.List) {
                document.add(spacer(4));
            }
        }
    }

    private Element block(Node block, int depth) throws DocumentException {
        if (block instanceof Heading heading) {
            if (writer.getVerticalPosition(true) - document.bottom() < ROOM_AFTER_HEADING) {
                document.newPage();
            }
            Paragraph paragraph = new Paragraph(inline(heading, heading.getLevel() <= 2 ? 13 : 11.5f, Font.BOLD));
            paragraph.setLeading(heading.getLevel() <= 2 ? 18 : 16);
            paragraph.setSpacingBefore(heading.getLevel() <= 2 ? 10 : 6);
            paragraph.setSpacingAfter(3);
            return paragraph;
        }
        if (block instanceof org.commonmark.node.Paragraph text) {
            Paragraph paragraph = new Paragraph(inline(text, BODY, Font.NORMAL));
            paragraph.setLeading(LEADING);
            paragraph.setSpacingAfter(5);
            return paragraph;
        }
        if (block instanceof ListBlock list) {
            return list(list, depth);
        }
        if (block instanceof BlockQuote quote) {
            Paragraph paragraph = new Paragraph();
            paragraph.setIndentationLeft(16);
            for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                Element element = block(child, depth);
                if (element != null) {
                    paragraph.add(element);
                }
            }
            return paragraph;
        }
        if (block instanceof FencedCodeBlock code) {
            return plain(code.getLiteral());
        }
        if (block instanceof IndentedCodeBlock code) {
            return plain(code.getLiteral());
        }
        if (block instanceof ThematicBreak) {
            return new Chunk(new LineSeparator(0.5f, 100, null, Element.ALIGN_CENTER, -4));
        }
        return null; // raw HTML: refused when the content is loaded, and never printed
    }

    private com.lowagie.text.List list(ListBlock block, int depth) throws DocumentException {
        boolean ordered = block instanceof OrderedList;
        com.lowagie.text.List list = new com.lowagie.text.List(ordered, 14);
        list.setListSymbol(
                ordered
                        ? new Chunk("", new Font(fonts.latin(), BODY))
                        : new Chunk("\u2022", new Font(fonts.latin(), BODY)));
        if (block instanceof OrderedList numbered && numbered.getMarkerStartNumber() != null) {
            list.setFirst(numbered.getMarkerStartNumber());
        }
        list.setIndentationLeft(depth == 0 ? 4 : 0);
        for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
            ListItem listItem = new ListItem();
            listItem.setLeading(LEADING);
            listItem.setSpacingAfter(2);
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    listItem.add(list(nested, depth + 1));
                } else if (child instanceof org.commonmark.node.Paragraph text) {
                    if (!first) {
                        listItem.add(Chunk.NEWLINE);
                    }
                    listItem.add(inline(text, BODY, Font.NORMAL));
                } else {
                    Element element = block(child, depth + 1);
                    if (element != null) {
                        listItem.add(element);
                    }
                }
                first = false;
            }
            list.add(listItem);
        }
        return list;
    }

    /** The routes of the school's country in the letter's language: name, contact and address, and what they are for. */
    private void helpRoutes(CountryHelp help, String locale) throws DocumentException {
        if (help == null) {
            return;
        }
        com.lowagie.text.List list = new com.lowagie.text.List(false, 14);
        list.setListSymbol(new Chunk("\u2022", new Font(fonts.latin(), BODY)));
        list.setIndentationLeft(4);
        for (HelpRoute route : help.routes()) {
            ListItem item = new ListItem();
            item.setLeading(LEADING);
            item.setSpacingAfter(3);
            item.add(fonts.phrase(Languages.pick(route.name(), locale).orElse(""), BODY, Font.BOLD));
            item.add(fonts.phrase("  " + route.contact(), BODY, Font.BOLD));
            String address = address(route);
            if (address != null) {
                item.add(fonts.phrase(" · " + address, BODY));
            }
            Phrase description =
                    fonts.phrase(Languages.pick(route.description(), locale).orElse(""), SMALL);
            description.setLeading(13);
            item.add(Chunk.NEWLINE);
            item.add(description);
            list.add(item);
        }
        document.add(list);
        document.add(spacer(4));
    }

    /** A route's web address without its scheme, when it says more than the contact already does. */
    private static String address(HelpRoute route) {
        if (route.url() == null) {
            return null;
        }
        String address = route.url().replaceFirst("^https?://", "").replaceFirst("/$", "");
        return address.equals(route.contact()) ? null : address;
    }

    private Phrase inline(Node parent, float size, int style) {
        Phrase phrase = new Phrase();
        phrase.setLeading(size * 1.45f);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                phrase.add(fonts.phrase(text.getLiteral(), size, style));
            } else if (child instanceof Code code) {
                phrase.add(fonts.phrase(code.getLiteral(), size, style));
            } else if (child instanceof Emphasis) {
                phrase.add(inline(child, size, style | Font.ITALIC));
            } else if (child instanceof StrongEmphasis) {
                phrase.add(inline(child, size, style | Font.BOLD));
            } else if (child instanceof SoftLineBreak) {
                phrase.add(fonts.phrase(" ", size, style));
            } else if (child instanceof HardLineBreak) {
                phrase.add(Chunk.NEWLINE);
            } else if (child instanceof Link link) {
                Phrase text = inline(link, size, style);
                phrase.add(text);
                String destination = link.getDestination().replaceFirst("^(https?://|mailto:)", "");
                if (!text.getContent().strip().equals(destination)) {
                    phrase.add(fonts.phrase(" (" + destination + ")", size, style));
                }
            } else {
                phrase.add(inline(child, size, style)); // raw HTML is refused at loading; keep any text it holds
            }
        }
        return phrase;
    }

    private Paragraph spacer(float height) {
        return new Paragraph(fonts.phrase(" ", height));
    }

    private Paragraph plain(String text) {
        Paragraph paragraph = new Paragraph(fonts.phrase(text.stripTrailing(), BODY));
        paragraph.setLeading(LEADING);
        paragraph.setSpacingAfter(5);
        return paragraph;
    }

    private static String format(ResourceBundle texts, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(arguments);
    }
}
