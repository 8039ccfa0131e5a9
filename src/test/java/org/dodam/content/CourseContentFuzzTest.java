package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.InvalidContent;

/**
 * A school's own copy of the curriculum (DODAM_CONTENT_DIR) is read at start-up from files Dodam did not write.
 * Whatever a lesson, quiz, module or help-route file holds, the reader accepts the set or refuses it whole with
 * problems naming file and line ({@link InvalidContent}); any other exception would stop the server with a stack
 * trace instead of telling the school what to fix.
 *
 * <p>The fuzzer edits one file of the smallest valid set (one staff module of three short lessons, the help
 * routes of the four countries; the real curriculum is a hundred times larger, and reading it would leave the
 * fuzzer a few inputs a second): it replaces the file with text or with raw bytes, inserts text somewhere, or
 * replaces one line, so that most inputs stay close enough to valid to reach the deeper checks.
 */
class CourseContentFuzzTest {

    private static final Path ROOT = Path.of("target", "fuzz", "course-content");
    private static final Map<Path, String> ORIGINALS = writeSmallestValidSet();
    private static final List<Path> FILES = List.copyOf(ORIGINALS.keySet());

    @FuzzTest(maxDuration = "8s")
    void aCurriculumIsReadOrRefusedWithProblemsToFix(FuzzedDataProvider data) throws IOException {
        Path file = FILES.get(data.consumeInt(0, FILES.size() - 1));
        String original = ORIGINALS.get(file);
        int mode = data.consumeInt(0, 3);
        int at = data.consumeInt(0, original.length());
        byte[] edited = switch (mode) {
            case 0 -> utf8(data.consumeRemainingAsString());
            case 1 -> utf8(original.substring(0, at) + data.consumeRemainingAsString() + original.substring(at));
            case 2 -> utf8(replaceLine(original, at, data.consumeRemainingAsString()));
            default -> data.consumeRemainingAsBytes();
        };
        Files.write(file, edited);
        try {
            ContentSet content = CourseContentReader.read(ROOT);
            assertThat(content.modules()).isNotEmpty();
        } catch (InvalidContent refused) {
            assertThat(refused.problems())
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).isNotBlank());
        } finally {
            Files.write(file, utf8(original));
        }
    }

    /** Unpaired surrogates become '?', as any editor would save them. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceLine(String original, int at, String text) {
        int start = original.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = original.indexOf('\n', at);
        return original.substring(0, Math.min(start, at)) + text + (end < 0 ? "" : original.substring(end));
    }

    private static Map<Path, String> writeSmallestValidSet() {
        Map<Path, String> files = new LinkedHashMap<>();
        StringBuilder help = new StringBuilder();
        for (String country : List.of("KR", "US", "GB", "AU")) {
            help.append(country)
                    .append(":\n  name: { en: Country ")
                    .append(country)
                    .append(", ko: 나라 ")
                    .append(country)
                    .append(" }\n")
                    .append("  routes:\n    - id: police\n      contact: \"112\"\n      name: { en: Police, ko: 경찰 }\n")
                    .append(
                            "      description: { en: Call in danger., ko: 위험하면 전화하세요. }\n      url: https://police.example/\n");
        }
        files.put(ROOT.resolve("help-routes.yaml"), help.toString());
        Path module = ROOT.resolve("fuzz-module");
        StringBuilder yaml = new StringBuilder("id: fuzz-module\norder: 1\naudience: staff\nbands: [staff]\n"
                + "title: { en: A module, ko: 모듈 }\nsummary: { en: One sentence., ko: 한 문장. }\nlessons:\n");
        List<String> lessons = List.of("lesson-one", "lesson-two", "lesson-three");
        for (String lesson : lessons) {
            yaml.append("  - id: ")
                    .append(lesson)
                    .append("\n    bands: [staff]\n    minutes: 30\n    references:\n")
                    .append(
                            "      - title: A source\n        publisher: Someone\n        year: 2024\n        url: https://source.example/\n");
            String next = lessons.get((lessons.indexOf(lesson) + 1) % lessons.size());
            files.put(
                    module.resolve(lesson + ".en.md"),
                    lesson(
                            "Lesson",
                            "Say what to do.",
                            "What it is",
                            "Read [the next one](lesson:" + next + ").",
                            "A scenario",
                            "Talk about it",
                            "For the facilitator"));
            files.put(
                    module.resolve(lesson + ".ko.md"),
                    lesson(
                            "수업",
                            "할 일을 말한다.",
                            "무엇인가",
                            "[다음 수업](lesson:" + next + ")을 읽어요.",
                            "상황",
                            "이야기해 봐요",
                            "연수 진행자 안내"));
            files.put(module.resolve(lesson + ".quiz.yaml"), quiz(lesson));
        }
        files.put(module.resolve("module.yaml"), yaml.toString());
        try {
            if (Files.exists(ROOT)) {
                try (Stream<Path> old = Files.walk(ROOT)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(module);
            for (var file : files.entrySet()) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CourseContentReader.read(ROOT); // the starting point is valid, or this fails with the reader's problems
        return files;
    }

    private static String lesson(
            String title,
            String objective,
            String explainer,
            String text,
            String scenario,
            String discussion,
            String notes) {
        StringBuilder countries = new StringBuilder();
        for (String country : List.of("KR", "US", "GB", "AU")) {
            countries
                    .append(":::country ")
                    .append(country)
                    .append("\nIn ")
                    .append(country)
                    .append(".\n:::\n");
        }
        return "---\ntitle: " + title + "\nobjectives:\n  - " + objective
                + "\nsections: [explainer, scenario, discussion, teacher-notes]\n---\n\n"
                + "## " + explainer + "\n\n" + text + "\n\n" + countries + "\n## " + scenario
                + "\n\nMina sees a picture.\n\n"
                + "## " + discussion + "\n\n- What would you do?\n\n## " + notes + "\n\nTake 10 minutes.\n";
    }

    private static String quiz(String lesson) {
        String option =
                "{ id: %s, %s text: { en: \"%s\", ko: \"%s\" }, feedback: { en: \"Because %s.\", ko: \"%s 때문이에요.\" } }";
        return "lesson: " + lesson + "\ndecision:\n  prompt: { en: \"What now?\", ko: \"이제 어떻게 할까요?\" }\n  options:\n"
                + "    - " + option.formatted("a", "best: true,", "Ask", "물어요", "asking", "물어서") + "\n"
                + "    - " + option.formatted("b", "", "Wait", "기다려요", "waiting", "기다려서") + "\n"
                + "questions:\n"
                + question("q1", "single", "") + question("q2", "multiple", "")
                + question("q4", "scenario", "    scenario: { en: Mina sees a picture., ko: 미나가 사진을 봐요. }\n")
                + question("q5", "single", "")
                + "  - id: q3\n    type: true-false\n    prompt: { en: \"True?\", ko: \"맞을까요?\" }\n    options:\n"
                + "      - " + option.formatted("\"true\"", "", "True", "맞아요", "it is", "맞아서") + "\n"
                + "      - " + option.formatted("\"false\"", "correct: true,", "False", "아니에요", "it is not", "아니어서")
                + "\n";
    }

    private static String question(String id, String type, String scenario) {
        String option =
                "{ id: %s, %s text: { en: \"%s\", ko: \"%s\" }, feedback: { en: \"Because %s.\", ko: \"%s 때문이에요.\" } }";
        return "  - id: " + id + "\n    type: " + type + "\n" + scenario + "    prompt: { en: \"Which " + id
                + "?\", ko: \"어느 것 " + id + "?\" }\n"
                + "    options:\n"
                + "      - " + option.formatted("a", "correct: true,", "One " + id, "하나 " + id, "one", "하나") + "\n"
                + "      - " + option.formatted("b", "", "Two " + id, "둘 " + id, "two", "둘") + "\n"
                + "      - " + option.formatted("c", "", "Three " + id, "셋 " + id, "three", "셋") + "\n";
    }
}
