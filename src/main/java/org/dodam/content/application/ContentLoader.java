package org.dodam.content.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentProblem;
import org.dodam.content.domain.InvalidContent;
import org.dodam.platform.ApplicationStartup.DatabaseReady;

/**
 * Loads course-content/ at start-up: from the WAR by default, or from DODAM_CONTENT_DIR when a school
 * keeps its own copy. A content set with any problem is refused as a whole with a message naming each
 * file and line, and the content already in the database stays as it was. The curriculum-wide quiz
 * rules of {@link QuizQuality} are the build's to enforce: here they are only logged, so that a school's
 * own, smaller copy is not refused for a statistic (the reason is in {@link QuizQuality}).
 */
@ApplicationScoped
public class ContentLoader {

    private static final Logger LOG = Logger.getLogger(ContentLoader.class.getName());

    @Inject
    ContentStore store;

    @Inject
    Curriculum curriculum;

    @Inject
    ContentSettings settings;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.CONTENT) DatabaseReady event) {
        try {
            load();
        } finally {
            curriculum.refresh();
        }
    }

    void load() {
        try (Source source = source()) {
            ContentSet set = CourseContentReader.read(source.root());
            boolean changed = store.apply(set);
            LOG.info(() -> "Course content " + set.version() + (changed ? " loaded: " : " unchanged: ")
                    + set.modules().size() + " modules, "
                    + set.modules().stream().mapToInt(m -> m.lessons().size()).sum() + " lessons");
            List<ContentProblem> quality = QuizQuality.problems(set);
            if (!quality.isEmpty()) {
                LOG.warning(() -> "The course content's quizzes break " + quality.size()
                        + " of the build's quality rules; they are loaded all the same:\n"
                        + quality.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
            }
        } catch (InvalidContent e) {
            LOG.severe(
                    "The course content was REFUSED and the content already loaded stays in place. " + e.getMessage());
        } catch (IOException | URISyntaxException e) {
            LOG.severe("The course content could not be read, and the content already loaded stays in place: " + e);
        }
    }

    private Source source() throws IOException, URISyntaxException {
        if (settings.directory().isPresent()) {
            return new Source(settings.directory().get(), null);
        }
        URL marker = ContentLoader.class.getClassLoader().getResource("course-content/help-routes.yaml");
        if (marker == null) {
            throw new IOException("course-content/ is not packaged in the application");
        }
        URI uri = marker.toURI();
        if ("file".equals(uri.getScheme())) {
            return new Source(Path.of(uri).getParent(), null);
        }
        FileSystem zip = FileSystems.newFileSystem(uri, Map.of());
        return new Source(zip.provider().getPath(uri).getParent(), zip);
    }

    private record Source(Path root, FileSystem fileSystem) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (fileSystem != null) {
                fileSystem.close();
            }
        }
    }
}
