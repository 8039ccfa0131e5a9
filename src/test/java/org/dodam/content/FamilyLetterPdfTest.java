package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.HelpRoute;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.web.FamilyLetterPdf;
import org.dodam.content.web.FamilyLetterPdf.Letter;
import org.junit.jupiter.api.Test;

/**
 * Family letters as PDF, read back with PDFBox: Hangul and Latin text, headings larger than the text, lists with
 * their bullets, the help routes of the school's country where the letter marks them; and every real letter
 * fits on two A4 pages whatever the school's country.
 */
class FamilyLetterPdfTest {

    static final LocalDate DATE = LocalDate.of(2026, 3, 5);

    static final String MARKDOWN = """
            Dear parents and carers, this is about **consent** and *respect*.
            A second line of the same paragraph, 한국어 섞어서.

            ## What the class is learning

            - Asking first
            - Consent can change
              1. nested first
              2. nested second

            ## Where to get help

            Ask the class teacher.

            :::help-routes

            Thank you.
            """;

    @Test
    void printsTheHeadingsParagraphsListsAndHelpRoutesOfALetterInHangulAndLatin() throws IOException {
        byte[] pdf = FamilyLetterPdf.render(new Letter("ko", "온라인에서의 동의와 존중", MARKDOWN, korea(), "한강고등학교", DATE));
        Lines lines = lines(pdf);
        assertThat(lines.text())
                .contains("한강고등학교 가정통신문")
                .contains("「온라인에서의 동의와 존중」 수업 안내")
                .contains(
                        "Dear parents and carers, this is about consent and respect. A second line of the same paragraph, 한국어 섞어서.")
                .contains("Asking first")
                .contains("Consent can change")
                .contains("1.")
                .contains("2.")
                .contains("nested first nested second")
                .contains("경찰 (긴급) 112")
                .contains("디지털성범죄피해자지원센터 (중앙 센터) 02-735-8994 · d4u.stop.or.kr")
                .contains("지금 누군가 위험하거나")
                .contains("Thank you.")
                .contains("2026년 3월 5일")
                .doesNotContain("**")
                .doesNotContain(":::")
                .doesNotContain("##");
        assertThat(lines.text().indexOf("Ask the class teacher."))
                .as("the routes stand where the letter marks them")
                .isLessThan(lines.text().indexOf("경찰 (긴급)"));
        assertThat(lines.text().indexOf("경찰 (긴급)")).isLessThan(lines.text().indexOf("Thank you."));
        assertThat(lines.text().chars().filter(c -> c == '•').count())
                .as("a bullet for each item and each of the 7 routes")
                .isEqualTo(2 + korea().routes().size());
        float body = lines.size("Ask the class teacher.");
        assertThat(lines.size("What the class is learning")).as("a heading").isGreaterThan(body + 1);
        assertThat(lines.size("Where to get help")).as("a heading").isGreaterThan(body + 1);
        assertThat(lines.size("「온라인에서의 동의와 존중」 수업 안내"))
                .as("the title")
                .isGreaterThan(lines.size("What the class is learning"));

        String en = lines(FamilyLetterPdf.render(
                        new Letter("en", "Consent and respect online", MARKDOWN, korea(), "Hangang High School", DATE)))
                .text();
        assertThat(en)
                .contains("Hangang High School · Letter to families")
                .contains("Consent and respect online")
                .contains("Police (emergency) 112")
                .contains("If someone is in danger right now")
                .contains("5 March 2026")
                .doesNotContain("가정통신문")
                .doesNotContain("경찰");
    }

    @Test
    void aLetterWithoutSchoolDateOrHelpRoutesStillPrints() throws IOException {
        String text = lines(
                        FamilyLetterPdf.render(new Letter("en", "Staying safer online", MARKDOWN, null, null, null)))
                .text();
        assertThat(text)
                .contains("Letter to families Staying safer online")
                .contains("Ask the class teacher.")
                .contains("Thank you.");
    }

    /**
     * Every real letter, in both languages, with the longest routes of any country in its language, and each
     * country's routes once: the module's title and every route are printed, no Markdown is left over, and it fits
     * on one or two A4 pages.
     */
    @Test
    void everyLetterOfTheCurriculumPrintsOnOneOrTwoPagesWhateverTheCountry() throws IOException {
        ContentSet content = CourseContentReader.read(Path.of("course-content"));
        Set<String> countriesPrinted = new HashSet<>();
        int letters = 0;
        for (ModuleDoc module : content.modules()) {
            for (Map.Entry<String, String> letter : module.familyLetters().entrySet()) {
                String locale = letter.getKey();
                String country = letters < content.help().size()
                        ? List.copyOf(content.help().keySet()).get(letters)
                        : content.help().entrySet().stream()
                                .max(Comparator.comparingInt(e -> length(e.getValue(), locale)))
                                .orElseThrow()
                                .getKey();
                String where = module.id() + " " + locale + " " + country;
                byte[] pdf = FamilyLetterPdf.render(new Letter(
                        locale,
                        module.title().get(locale),
                        letter.getValue(),
                        content.help().get(country),
                        "Hangang High School 한강고등학교",
                        DATE));
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    assertThat(document.getNumberOfPages()).as(where).isBetween(1, 2);
                    String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                    assertThat(text)
                            .as(where)
                            .contains(module.title().get(locale))
                            .doesNotContain("**")
                            .doesNotContain(":::")
                            .doesNotContain("# ");
                    for (HelpRoute route : content.help().get(country).routes()) {
                        assertThat(text).as(where).contains(route.contact());
                    }
                }
                countriesPrinted.add(country);
                letters++;
            }
        }
        assertThat(letters)
                .isEqualTo(2
                        * content.modules().stream().filter(m -> !m.forStaff()).count());
        assertThat(countriesPrinted).isEqualTo(content.help().keySet());
    }

    private static int length(CountryHelp help, String locale) {
        return help.routes().stream()
                .mapToInt(r -> r.name().get(locale).length()
                        + r.description().get(locale).length()
                        + r.contact().length())
                .sum();
    }

    private static CountryHelp korea() {
        return CourseContentReader.read(Path.of("course-content")).help().get("KR");
    }

    private static Lines lines(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Lines stripper = new Lines();
            stripper.getText(document);
            return stripper;
        }
    }

    /** The text of a PDF, and the font size of each of its characters. */
    static final class Lines extends PDFTextStripper {

        private final StringBuilder characters = new StringBuilder();
        private final List<Float> sizes = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();

        Lines() throws IOException {}

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            for (TextPosition position : positions) {
                for (int i = 0; i < position.getUnicode().length(); i++) {
                    characters.append(position.getUnicode().charAt(i));
                    sizes.add(position.getFontSizeInPt());
                }
            }
            texts.add(text.strip());
            super.writeString(text, positions);
        }

        String text() {
            return String.join(" ", texts).replaceAll("\\s+", " ");
        }

        /** The largest font size in the first place where {@code text} is printed. */
        float size(String text) {
            int at = characters.indexOf(text);
            if (at < 0) {
                throw new AssertionError("not printed: " + text);
            }
            return sizes.subList(at, at + text.length()).stream()
                    .max(Float::compare)
                    .orElseThrow();
        }
    }
}
