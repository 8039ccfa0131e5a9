package org.dodam.content.domain;

import java.util.List;
import java.util.Map;
import org.dodam.platform.Languages;

/**
 * The curriculum as read from course-content/, after validation: immutable values that the loader
 * writes into the database. Localised text is a map from locale ("en", "ko") to text.
 */
public final class ContentModel {

    public static final List<String> LOCALES = Languages.SUPPORTED;
    public static final List<String> BANDS = List.of("upper-elementary", "middle", "high", "staff");
    public static final List<String> COUNTRIES = List.of("KR", "US", "GB", "AU");
    public static final List<String> SECTION_KINDS =
            List.of("explainer", "scenario", "discussion", "activity", "law", "help", "summary", "teacher-notes");
    /** Lessons for these bands carry a content note that students see before the first part. */
    public static final List<String> CONTENT_NOTE_BANDS = List.of("middle", "high");

    public static final List<String> REQUIRED_SECTIONS =
            List.of("explainer", "scenario", "discussion", "teacher-notes");
    /** The file prefix of a student module's letter to families, and so a name no lesson may take. */
    public static final String FAMILY_LETTER = "family-letter";
    /** The line in a family letter where the help routes of the school's country are printed. */
    public static final String HELP_ROUTES_MARK = ":::help-routes";

    private ContentModel() {}

    /** Everything in course-content/, with a version that changes whenever any file changes. */
    public record ContentSet(String version, List<ModuleDoc> modules, Map<String, CountryHelp> help) {}

    /**
     * A module; {@code familyLetters} maps each locale to the Markdown of the module's letter to families
     * (students' modules have one in each locale, staff modules none).
     */
    public record ModuleDoc(
            String id,
            int order,
            String audience,
            List<String> bands,
            Map<String, String> title,
            Map<String, String> summary,
            List<LessonDoc> lessons,
            Map<String, String> familyLetters) {
        public boolean forStaff() {
            return "staff".equals(audience);
        }

        public static String familyLetterFile(String locale) {
            return FAMILY_LETTER + "." + locale + ".md";
        }
    }

    public record LessonDoc(
            String id,
            List<String> bands,
            int minutes,
            List<Reference> references,
            Map<String, LessonText> texts,
            Quiz quiz,
            String version) {}

    public record Reference(String title, String publisher, String year, String url) {}

    /**
     * One locale's lesson: the Markdown body is split into sections, each of a known kind. {@code contentNote}
     * is the front matter's one sentence on what the lesson is about, which the player shows with the standard
     * note (students may stop; where to get help) before the first part; null when the lesson has none.
     */
    public record LessonText(String title, List<String> objectives, List<Section> sections, String contentNote) {}

    public record Section(String kind, String heading, String markdown) {}

    public record Quiz(int passMark, String feedback, Question decision, List<Question> questions) {}

    /** A question (or the lesson's decision); type is single, multiple, true-false, scenario or decision. */
    public record Question(
            String id, String type, Map<String, String> prompt, Map<String, String> scenario, List<Option> options) {}

    public record Option(String id, boolean correct, Map<String, String> text, Map<String, String> feedback) {}

    public record CountryHelp(Map<String, String> name, List<HelpRoute> routes) {}

    public record HelpRoute(
            String id, String contact, Map<String, String> name, Map<String, String> description, String url) {}
}
