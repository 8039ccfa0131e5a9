package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.application.Curriculum.ModuleEntry;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Quiz;
import org.dodam.content.domain.ContentModel.Section;
import org.dodam.content.domain.CourseModule;
import org.dodam.content.domain.Lesson;
import org.dodam.content.domain.LessonDocument;
import org.junit.jupiter.api.Test;

/**
 * Modules and lessons keep a text per language they were loaded with, and answer for a language they lack in the
 * default one (Korean); a letter to families is printed only in a language it was written in.
 */
class TextsPerLanguageTest {

    private static ModuleDoc module(Map<String, String> titles, Map<String, String> letters) {
        Map<String, String> summaries = new java.util.HashMap<>();
        titles.forEach((language, title) -> summaries.put(language, "About " + title));
        return new ModuleDoc("consent", 1, "students", List.of("middle"), titles, summaries, List.of(), letters);
    }

    private static LessonDoc lesson(Map<String, String> titles) {
        Map<String, LessonText> texts = new java.util.HashMap<>();
        titles.forEach((language, title) -> texts.put(
                language,
                new LessonText(title, List.of("o"), List.of(new Section("explainer", "H", "text " + language)), null)));
        return new LessonDoc(
                "asking-first", List.of("middle"), 30, List.of(), texts, new Quiz(70, "each", null, List.of()), "v1");
    }

    @Test
    void aModuleAnswersInEachLanguageItHasAndInKoreanForOneItLacks() {
        CourseModule module = new CourseModule("consent");
        module.update(
                module(Map.of("ko", "동의와 존중", "en", "Consent and respect"), Map.of("ko", "# 편지", "en", "# Letter")));
        assertThat(module.languages()).containsExactlyInAnyOrder("ko", "en");
        assertThat(module.title("en")).isEqualTo("Consent and respect");
        assertThat(module.title("ko")).isEqualTo("동의와 존중");
        assertThat(module.title("ja")).isEqualTo("동의와 존중");
        assertThat(module.summary("ja")).isEqualTo("About 동의와 존중");
        assertThat(module.familyLetter("en")).contains("# Letter");
        assertThat(module.familyLetter("ja"))
                .as("a letter is never printed in another language than asked")
                .isEmpty();
    }

    @Test
    void reloadingKeepsExactlyTheLanguagesTheFilesHave() {
        CourseModule module = new CourseModule("consent");
        module.update(module(Map.of("ko", "동의", "en", "Consent", "ja", "同意"), Map.of()));
        module.update(module(Map.of("ko", "동의와 존중", "en", "Consent and respect"), Map.of()));
        assertThat(module.languages()).containsExactlyInAnyOrder("ko", "en");
        assertThat(module.title("ja")).isEqualTo("동의와 존중");
        assertThat(module.familyLetter("ko"))
                .as("staff modules and modules without letters have none")
                .isEmpty();
    }

    @Test
    void aLessonTitleFallsBackToKorean() {
        CourseModule module = new CourseModule("consent");
        module.update(module(Map.of("ko", "동의", "en", "Consent"), Map.of()));
        Lesson lesson = new Lesson("asking-first");
        lesson.update(module, 1, lesson(Map.of("ko", "먼저 물어보기", "en", "Asking first")), "{}");
        assertThat(lesson.title("en")).isEqualTo("Asking first");
        assertThat(lesson.title("ja")).isEqualTo("먼저 물어보기");
        lesson.update(module, 1, lesson(Map.of("ko", "먼저 물어보기")), "{}");
        assertThat(lesson.languages()).containsExactly("ko");
        assertThat(lesson.title("en")).isEqualTo("먼저 물어보기");
    }

    @Test
    void theCurriculumsEntriesFollowTheSameRule() {
        ModuleEntry module = new ModuleEntry(
                "consent",
                false,
                List.of("middle"),
                Map.of("ko", "동의", "en", "Consent"),
                Map.of("ko", "요약", "en", "Summary"),
                false,
                List.of(),
                Map.of("ko", "# 편지"));
        assertThat(module.title("en")).isEqualTo("Consent");
        assertThat(module.title("ja")).isEqualTo("동의");
        assertThat(module.summary("ja")).isEqualTo("요약");
        assertThat(module.familyLetterLanguages()).containsExactly("ko");
        assertThat(module.familyLetter("en")).isEmpty();

        LessonDoc doc = lesson(Map.of("ko", "먼저 물어보기", "en", "Asking first"));
        LessonEntry lesson = new LessonEntry(
                "asking-first",
                "consent",
                false,
                List.of("middle"),
                30,
                "v1",
                70,
                "each",
                false,
                Map.of("ko", "먼저 물어보기", "en", "Asking first"),
                new LessonDocument(Map.of("ko", doc.texts().get("ko")), List.of(), null, List.of()));
        assertThat(lesson.title("en")).isEqualTo("Asking first");
        assertThat(lesson.title("ja")).isEqualTo("먼저 물어보기");
        assertThat(lesson.language("en"))
                .as("the document has no English text: the lesson is read in Korean")
                .isEqualTo("ko");
        assertThat(lesson.text("en").sections().get(0).markdown()).isEqualTo("text ko");
    }
}
