package org.dodam.platform.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of every PDF Dodam writes (the class matrix, the family letters). Korean needs a font with Hangul:
 * NanumSquare (SIL Open Font License, packaged beside this class) is embedded as a subset, with Helvetica for
 * the few Latin signs it lacks. The font file is read once; a {@link BaseFont} is made per document, because
 * OpenPDF keeps the subset's glyphs in it.
 */
public final class PdfFonts {

    private static final String FONT = "NanumSquareR.ttf";

    private static volatile byte[] fontBytes;

    private final BaseFont hangul;
    private final BaseFont latin;

    private PdfFonts(BaseFont hangul, BaseFont latin) {
        this.hangul = hangul;
        this.latin = latin;
    }

    /** Fonts for one document. */
    public static PdfFonts forDocument() throws IOException {
        return new PdfFonts(
                BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font(), null),
                BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED));
    }

    /**
     * {@code text} in the given size and style ({@link Font#NORMAL}, {@link Font#BOLD}, ...), each character in
     * the first font that has it. NanumSquare has one weight: OpenPDF draws bold and italic by stroking and
     * slanting it.
     */
    public Phrase phrase(String text, float size, int style) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(hangul, size, style));
        selector.addFont(new Font(latin, size, style));
        Phrase phrase = selector.process(text);
        for (Element element : phrase) {
            if (element instanceof Chunk chunk) {
                chunk.setSplitCharacter(BetweenWords.INSTANCE);
            }
        }
        return phrase;
    }

    public Phrase phrase(String text, float size) {
        return phrase(text, size, Font.NORMAL);
    }

    public BaseFont hangul() {
        return hangul;
    }

    public BaseFont latin() {
        return latin;
    }

    /**
     * Lines break between words only. OpenPDF breaks Chinese, Japanese and Korean text after any character, as
     * Chinese and Japanese are set; Korean is written with spaces between words, and a word cut in two at the end
     * of a line reads badly (and is extracted as two words by PDF readers and screen readers).
     */
    private static final class BetweenWords extends DefaultSplitCharacter {

        static final SplitCharacter INSTANCE = new BetweenWords();

        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] characters, PdfChunk[] chunks) {
            char c = getCurrentCharacter(current, characters, chunks);
            return c <= ' ' || c == '-' || c == '\u2010' || (c >= '\u2002' && c <= '\u200b');
        }
    }

    private static byte[] font() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfFonts.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("Missing font " + FONT);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fontBytes = bytes;
        }
        return bytes;
    }
}
