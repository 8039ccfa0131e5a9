package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.InvalidContent;

/**
 * A school's own copy of the curriculum (DODAM_CONTENT_DIR) is read at start-up from files Dodam did not write.
 * Whatever one lesson, quiz, module or help-route file holds, the reader accepts the set or refuses it whole with
 * problems naming file and line ({@link InvalidContent}); any other exception would stop the server with a stack
 * trace instead of telling the school what to fix. The fuzzer edits one file of a small valid set (the staff
 * module and the help routes): it replaces the file, inserts its text somewhere, or replaces one line, so that
 * most inputs stay close enough to valid to reach the deeper checks.
 */
class CourseContentFuzzTest {

    private static final Path ROOT = copyOfStaffModule();
    private static final List<Path> FILES = files();
    private static final List<String> ORIGINALS = FILES.stream().map(CourseContentFuzzTest::read).toList();

    @FuzzTest(maxDuration = "8s")
    void aCurriculumIsReadOrRefusedWithProblemsToFix(FuzzedDataProvider data) throws IOException {
        int index = data.consumeInt(0, FILES.size() - 1);
        int mode = data.consumeInt(0, 2);
        String original = ORIGINALS.get(index);
        int at = data.consumeInt(0, original.length());
        String text = data.consumeRemainingAsString();
        String edited = switch (mode) {
            case 0 -> text;
            case 1 -> original.substring(0, at) + text + original.substring(at);
            default -> replaceLine(original, at, text);
        };
        Files.writeString(FILES.get(index), edited, StandardCharsets.UTF_8);
        try {
            ContentSet content = CourseContentReader.read(ROOT);
            assertThat(content.modules()).isNotEmpty();
        } catch (InvalidContent refused) {
            assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
        } finally {
            Files.writeString(FILES.get(index), original, StandardCharsets.UTF_8);
        }
    }

    private static String replaceLine(String original, int at, String text) {
        int start = original.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = original.indexOf('\n', at);
        return original.substring(0, Math.min(start, at)) + text + (end < 0 ? "" : original.substring(end));
    }

    private static Path copyOfStaffModule() {
        try {
            Path root = Path.of("target", "fuzz", "course-content");
            if (Files.exists(root)) {
                try (Stream<Path> old = Files.walk(root)) {
                    for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(root);
            Path source = Path.of("course-content");
            Files.copy(source.resolve("help-routes.yaml"), root.resolve("help-routes.yaml"));
            Path module = Files.createDirectories(root.resolve("staff-deepfake-abuse"));
            try (Stream<Path> files = Files.list(source.resolve("staff-deepfake-abuse"))) {
                for (Path file : files.toList()) {
                    // Its links to lessons of other modules point into the module itself, so that the copy is valid alone.
                    Files.writeString(module.resolve(file.getFileName().toString()), Files.readString(file, StandardCharsets.UTF_8)
                            .replaceAll("\\]\\(lesson:(?!staff-)[a-z0-9-]+\\)", "](lesson:staff-when-staff-are-targeted)"), StandardCharsets.UTF_8);
                }
            }
            CourseContentReader.read(root); // the starting point is valid
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files() {
        try (Stream<Path> files = Stream.concat(Stream.of(ROOT.resolve("help-routes.yaml")),
                Files.list(ROOT.resolve("staff-deepfake-abuse")).sorted())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
