package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.application.QuizQuality;
import org.dodam.content.domain.ContentModel;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentProblem;
import org.dodam.content.domain.InvalidContent;
import org.dodam.platform.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real course-content/ is valid, and covers what the curriculum promises; a broken copy is refused
 * with the file and line of each problem.
 */
class CourseContentTest {

    static final Path CONTENT = Path.of("course-content");

    @TempDir
    Path temp;

    @Test
    void theCurriculumIsValid() {
        ContentSet content = read(CONTENT);
        List<ModuleDoc> studentModules =
                content.modules().stream().filter(m -> !m.forStaff()).toList();
        assertThat(studentModules).hasSizeGreaterThanOrEqualTo(8);
        assertThat(studentModules.stream().mapToInt(m -> m.lessons().size()).sum())
                .isGreaterThanOrEqualTo(28);
        assertThat(content.modules()).anyMatch(ModuleDoc::forStaff);
        for (ModuleDoc module : studentModules) {
            assertThat(module.lessons())
                    .as(module.id())
                    .hasSizeBetween(CourseContentReader.MIN_MODULE_LESSONS, CourseContentReader.MAX_MODULE_LESSONS);
        }
        for (String everyAge : List.of("consent-and-respect", "if-it-happens-to-you", "bystanders-and-upstanders")) {
            ModuleDoc module = content.modules().stream()
                    .filter(m -> m.id().equals(everyAge))
                    .findFirst()
                    .orElseThrow();
            assertThat(module.lessons().stream()
                            .flatMap(l -> l.bands().stream())
                            .distinct())
                    .as(everyAge + " has a lesson for every band")
                    .contains("upper-elementary", "middle", "high");
        }
        assertThat(content.help().keySet()).containsExactlyInAnyOrder("KR", "US", "GB", "AU");
        assertThat(content.help().get("KR").routes())
                .extracting(r -> r.contact())
                .contains("112", "117", "1366", "02-735-8994");
    }

    @Test
    void everyLessonHasBothLanguagesObjectivesTeacherNotesReferencesAndAQuiz() {
        for (ModuleDoc module : read(CONTENT).modules()) {
            for (LessonDoc lesson : module.lessons()) {
                assertThat(lesson.texts().keySet())
                        .as(lesson.id())
                        .containsExactlyInAnyOrderElementsOf(Languages.SUPPORTED);
                assertThat(lesson.texts().get("ko").objectives())
                        .as(lesson.id())
                        .isNotEmpty();
                assertThat(lesson.texts().get("en").sections())
                        .as(lesson.id())
                        .anyMatch(s -> s.kind().equals("teacher-notes"));
                assertThat(lesson.references()).as(lesson.id()).isNotEmpty();
                assertThat(lesson.quiz().questions()).as(lesson.id()).hasSizeBetween(5, 8);
                assertThat(lesson.minutes()).isBetween(20, 45);
            }
        }
    }

    /**
     * The curriculum-wide quiz rules of {@link QuizQuality} (position, longest option, true/false, multiple,
     * duplicates), apart from the per-file checks above so that its failure says only this. It prints the
     * figures first, for a before/after report: {@code mvn -q test -Dtest=CourseContentTest#theQuizzesMeetTheQualityRules}.
     */
    @Test
    void theQuizzesMeetTheQualityRules() {
        ContentSet content = read(CONTENT);
        System.out.println(QuizQuality.figures(content));
        assertThat(QuizQuality.problems(content))
                .extracting(ContentProblem::toString)
                .isEmpty();
    }

    @Test
    void aMissingTranslationIsReportedWithFileAndLine() throws IOException {
        Path copy = copyContent();
        Path quiz = copy.resolve("consent-and-respect/consent-asking-first.quiz.yaml");
        List<String> lines = Files.readAllLines(quiz);
        int index = indexOf(lines, "ko: 친구 사진을 공유하기 전에 언제 물어봐야 할까요?");
        lines.remove(index - 1);
        Files.write(quiz, lines);
        assertThat(problems(copy)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("consent-and-respect/consent-asking-first.quiz.yaml");
            assertThat(p.line()).as("the line where the prompt's texts start").isEqualTo(index - 1);
            assertThat(p.message()).contains("'prompt' needs text in ko");
        });
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        Path copy = copyContent();
        edit(copy.resolve("consent-and-respect/module.yaml"), text -> text.replace("order: 1", "order: [1"));
        assertThat(problems(copy)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("consent-and-respect/module.yaml");
            assertThat(p.line()).isBetween(2, 4);
            assertThat(p.message()).startsWith("YAML:");
        });
    }

    @Test
    void structuralMistakesAreEachReported() throws IOException {
        Path copy = copyContent();
        edit(
                copy.resolve("consent-and-respect/consent-asking-first.en.md"),
                text -> text.replace(
                                "sections: [explainer, scenario, discussion, activity, teacher-notes]",
                                "sections: [explainer, scenario, discussion, teacher-notes]")
                        + "\n<script>alert(1)</script>\n[broken](lesson:no-such-lesson)\n");
        edit(
                copy.resolve("consent-and-respect/consent-asking-first.quiz.yaml"),
                text -> text.replaceFirst("best: true", "best: false"));
        Files.delete(copy.resolve("if-it-happens-to-you/when-a-friend-tells-you.en.md"));
        List<ContentProblem> problems = problems(copy);
        assertThat(problems)
                .extracting(ContentProblem::toString)
                .anyMatch(p -> p.startsWith("consent-and-respect/consent-asking-first.en.md:1:")
                        && p.contains("differ from consent-asking-first.ko.md's"))
                .anyMatch(p -> p.contains("raw HTML is not allowed"))
                .anyMatch(p -> p.contains("link to unknown lesson 'no-such-lesson'"))
                .anyMatch(p -> p.startsWith("consent-and-respect/consent-asking-first.quiz.yaml:")
                        && p.contains("marked best"))
                .anyMatch(p ->
                        p.startsWith("if-it-happens-to-you/when-a-friend-tells-you.en.md") && p.contains("missing"));
    }

    @Test
    void aModuleOfTooFewOrTooManyLessonsIsRefused() throws IOException {
        Path copy = copyContent();
        edit(copy.resolve("consent-and-respect/module.yaml"), text -> {
            int lessons = text.indexOf("lessons:\n") + "lessons:\n".length();
            return text + text.substring(lessons);
        });
        edit(copy.resolve("law-and-consequences/module.yaml"), text -> {
            int second = text.indexOf("  - id: ", text.indexOf("  - id: ") + 1);
            return text.substring(0, second);
        });
        assertThat(problems(copy))
                .extracting(ContentProblem::toString)
                .anyMatch(p -> p.startsWith("consent-and-respect/module.yaml:")
                        && p.contains("a module has 3 to 6 lessons, this one has 8"))
                .anyMatch(p -> p.startsWith("law-and-consequences/module.yaml:")
                        && p.contains("a module has 3 to 6 lessons, this one has 1"));
    }

    @Test
    void aCountryBlockForOnlySomeCountriesIsRefused() throws IOException {
        Path copy = copyContent();
        Path file = copy.resolve("law-and-consequences/what-the-law-says.en.md");
        String text = Files.readString(file);
        int start = text.indexOf(":::country AU");
        int end = text.indexOf(":::\n", start + 5) + 4;
        Files.writeString(file, text.substring(0, start) + text.substring(end));
        assertThat(problems(copy))
                .extracting(ContentProblem::toString)
                .anyMatch(p -> p.startsWith("law-and-consequences/what-the-law-says.en.md:")
                        && p.contains("for [GB, KR, US] but needs one for each of [KR, US, GB, AU]"));
    }

    @Test
    void everyMiddleAndHighLessonCarriesAContentNoteInBothLanguages() {
        List<LessonDoc> older = read(CONTENT).modules().stream()
                .flatMap(m -> m.lessons().stream())
                .filter(l -> l.bands().contains("middle") || l.bands().contains("high"))
                .toList();
        assertThat(older).hasSizeGreaterThanOrEqualTo(20);
        for (LessonDoc lesson : older) {
            assertThat(lesson.texts().values())
                    .as(lesson.id())
                    .allSatisfy(text -> assertThat(text.contentNote())
                            .hasSizeBetween(20, 300)
                            .doesNotContain("\n"));
        }
        LessonDoc sextortion = older.stream()
                .filter(l -> l.id().equals("sextortion-real-or-fake"))
                .findFirst()
                .orElseThrow();
        assertThat(sextortion.texts().get("en").contentNote()).startsWith("This lesson is about sextortion");
        assertThat(sextortion.texts().get("ko").contentNote()).startsWith("이 수업은 성착취 협박");
        assertThat(read(CONTENT).modules().stream()
                        .flatMap(m -> m.lessons().stream())
                        .filter(l -> l.id().equals("tricky-requests-online"))
                        .findFirst()
                        .orElseThrow()
                        .texts()
                        .get("en")
                        .contentNote())
                .as("an upper-elementary lesson may go without")
                .isNull();
    }

    @Test
    void aMiddleOrHighLessonWithoutAContentNoteIsRefusedByFile() throws IOException {
        Path copy = copyContent();
        edit(
                copy.resolve("sextortion-and-grooming/sextortion-real-or-fake.en.md"),
                CourseContentTest::withoutContentNote);
        edit(
                copy.resolve("sextortion-and-grooming/sextortion-real-or-fake.ko.md"),
                CourseContentTest::withoutContentNote);
        edit(copy.resolve("consent-and-respect/consent-can-change.en.md"), CourseContentTest::withoutContentNote);
        edit(
                copy.resolve("the-harm-is-real/only-a-joke.en.md"),
                text -> text.replaceFirst("content-note: .*", "content-note: true"));
        assertThat(problems(copy))
                .extracting(ContentProblem::toString)
                .anyMatch(p -> p.startsWith("sextortion-and-grooming/sextortion-real-or-fake.en.md:1:")
                        && p.contains("'content-note'"))
                .anyMatch(p -> p.startsWith("sextortion-and-grooming/sextortion-real-or-fake.ko.md:1:")
                        && p.contains("'content-note'"))
                .anyMatch(p -> p.startsWith("consent-and-respect/consent-can-change.en.md:1:")
                        && p.contains("one language only"))
                .anyMatch(p -> p.startsWith("the-harm-is-real/only-a-joke.en.md:3:")
                        && p.contains("one sentence of 20 to 300"));
    }

    @Test
    void everyStudentModuleHasAFamilyLetterInBothLanguagesThatLeavesHelpNumbersToHelpRoutes() {
        ContentSet content = read(CONTENT);
        List<String> contacts = content.help().values().stream()
                .flatMap(h -> h.routes().stream())
                .map(r -> r.contact())
                .distinct()
                .toList();
        for (ModuleDoc module : content.modules()) {
            if (module.forStaff()) {
                assertThat(module.familyLetters()).as(module.id()).isEmpty();
                continue;
            }
            assertThat(module.familyLetters().keySet()).as(module.id()).containsExactlyInAnyOrder("en", "ko");
            module.familyLetters().forEach((locale, letter) -> {
                assertThat(letter).as(module.id() + " " + locale).contains("\n" + ContentModel.HELP_ROUTES_MARK + "\n");
                assertThat(contacts)
                        .as(module.id() + " " + locale + ": help numbers come from help-routes.yaml")
                        .noneMatch(contact -> Pattern.compile("(?<![\\w.-])" + Pattern.quote(contact) + "(?![\\w-])")
                                .matcher(letter)
                                .find());
            });
        }
    }

    @Test
    void aStudentModuleWithoutBothFamilyLettersOrWithABrokenOneIsRefusedByFile() throws IOException {
        Path copy = copyContent();
        Files.delete(copy.resolve("consent-and-respect/family-letter.ko.md"));
        edit(
                copy.resolve("the-harm-is-real/family-letter.en.md"),
                text -> "# A title of its own\n\n"
                        + text.replace(ContentModel.HELP_ROUTES_MARK, ":::country KR\nCall 1366.\n:::"));
        edit(
                copy.resolve("bystanders-and-upstanders/family-letter.en.md"),
                text -> text.replaceFirst("\n## ", "\n### "));
        Files.writeString(
                copy.resolve("staff-deepfake-abuse/family-letter.en.md"), "## Dear staff\n\n:::help-routes\n");
        assertThat(problems(copy))
                .extracting(ContentProblem::toString)
                .anyMatch(p -> p.startsWith("consent-and-respect/family-letter.ko.md:0:") && p.contains("missing"))
                .anyMatch(p -> p.startsWith("the-harm-is-real/family-letter.en.md:1:") && p.contains("no '# ' heading"))
                .anyMatch(p -> p.startsWith("the-harm-is-real/family-letter.en.md:")
                        && p.contains("the same in every country"))
                .anyMatch(p -> p.startsWith("the-harm-is-real/family-letter.en.md:0:")
                        && p.contains("no ':::help-routes' line"))
                .anyMatch(p -> p.startsWith("bystanders-and-upstanders/family-letter.en.md:0:")
                        && p.contains("sections, family-letter.ko.md has"))
                .anyMatch(p ->
                        p.startsWith("staff-deepfake-abuse/family-letter.en.md:0:") && p.contains("no family letter"));
    }

    private static String withoutContentNote(String text) {
        return text.replaceFirst("content-note: .*\n", "");
    }

    @Test
    void theVersionChangesWithAnyFileAndOnlyThen() throws IOException {
        Path copy = copyContent();
        String first = read(copy).version();
        assertThat(read(copy).version()).isEqualTo(first);
        edit(
                copy.resolve("consent-and-respect/consent-asking-first.en.md"),
                text -> text.replace("Asking first", "Ask first"));
        assertThat(read(copy).version()).isNotEqualTo(first);
    }

    static ContentSet read(Path root) {
        return CourseContentReader.read(root);
    }

    static List<ContentProblem> problems(Path root) {
        try {
            read(root);
        } catch (InvalidContent e) {
            return e.problems();
        }
        throw new AssertionError("the broken content was accepted");
    }

    private Path copyContent() throws IOException {
        Path target = temp.resolve("course-content");
        try (Stream<Path> files = Files.walk(CONTENT)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(CONTENT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }

    private static void edit(Path file, UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("not found: " + fragment);
    }
}
