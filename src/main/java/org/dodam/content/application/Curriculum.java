package org.dodam.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentVersion;
import org.dodam.content.domain.CourseModule;
import org.dodam.content.domain.Lesson;
import org.dodam.content.domain.LessonDocument;
import org.dodam.platform.Languages;

/**
 * The curriculum as the pages read it: an immutable snapshot of the database's modules and lessons,
 * rebuilt whenever content is loaded (content only changes at start-up), so that showing a lesson
 * costs no database query.
 */
@ApplicationScoped
public class Curriculum {

    @PersistenceContext
    EntityManager em;

    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of());

    @Transactional
    public void refresh() {
        Map<String, ModuleEntry> modules = new LinkedHashMap<>();
        for (CourseModule module : distinct(em.createNamedQuery("CourseModule.allWithTexts", CourseModule.class)
                .getResultList())) {
            Map<String, String> titles = new LinkedHashMap<>();
            Map<String, String> summaries = new LinkedHashMap<>();
            Map<String, String> letters = new LinkedHashMap<>();
            for (String language : module.languages()) {
                titles.put(language, module.title(language));
                summaries.put(language, module.summary(language));
                module.familyLetter(language).ifPresent(letter -> letters.put(language, letter));
            }
            modules.put(
                    module.id(),
                    new ModuleEntry(
                            module.id(),
                            module.forStaff(),
                            module.bands(),
                            Map.copyOf(titles),
                            Map.copyOf(summaries),
                            module.retired(),
                            new ArrayList<>(),
                            Map.copyOf(letters)));
        }
        Map<String, LessonEntry> lessons = new LinkedHashMap<>();
        for (Lesson lesson : distinct(
                em.createNamedQuery("Lesson.allWithTitles", Lesson.class).getResultList())) {
            ModuleEntry module = modules.get(lesson.module().id());
            Map<String, String> titles = new LinkedHashMap<>();
            lesson.languages().forEach(language -> titles.put(language, lesson.title(language)));
            LessonEntry entry = new LessonEntry(
                    lesson.id(),
                    module.id(),
                    module.forStaff(),
                    lesson.bands(),
                    lesson.minutes(),
                    lesson.version(),
                    lesson.passMark(),
                    lesson.feedbackMode(),
                    lesson.retired(),
                    Map.copyOf(titles),
                    ContentJson.lesson(lesson.document()));
            lessons.put(lesson.id(), entry);
            if (!lesson.retired()) {
                module.lessons().add(entry);
            }
        }
        Map<String, CountryHelp> help = em.createNamedQuery("ContentVersion.latest", ContentVersion.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(v -> ContentJson.help(v.helpRoutes()))
                .orElse(Map.of());
        List<ModuleEntry> active = modules.values().stream()
                .filter(m -> !m.retired())
                .map(m -> m.withLessons(List.copyOf(m.lessons())))
                .toList();
        snapshot = new Snapshot(active, Map.copyOf(lessons), help);
    }

    /** A fetch join repeats its owner once per joined row; the owners, once each, in the query's order. */
    private static <T> List<T> distinct(List<T> rows) {
        return List.copyOf(new LinkedHashSet<>(rows));
    }

    /** The modules a person may study: staff modules only for staff. */
    public List<ModuleEntry> modules(boolean staff) {
        return snapshot.modules().stream().filter(m -> staff || !m.forStaff()).toList();
    }

    /** A lesson by id, also when it is retired (progress may still refer to it). */
    public Optional<LessonEntry> lesson(String id) {
        return Optional.ofNullable(id == null ? null : snapshot.lessons().get(id));
    }

    /** A lesson students may open: it is in the curriculum and is not a staff lesson. */
    public Optional<LessonEntry> studentLesson(String id) {
        return lesson(id).filter(l -> !l.forStaff());
    }

    /** A lesson's title in this language, or its id when the curriculum no longer has it. */
    public String lessonTitle(String id, String locale) {
        return lesson(id).map(l -> l.title(locale)).orElse(id);
    }

    public Optional<ModuleEntry> module(String id) {
        return snapshot.modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<CountryHelp> help(String country) {
        return Optional.ofNullable(snapshot.help().get(country));
    }

    public int lessonCount() {
        return snapshot.modules().stream().mapToInt(m -> m.lessons().size()).sum();
    }

    private record Snapshot(
            List<ModuleEntry> modules, Map<String, LessonEntry> lessons, Map<String, CountryHelp> help) {}

    /**
     * A module and its current lessons; {@code titles} and {@code summaries} hold its texts by language, and
     * {@code familyLetters} the Markdown of its letter to families by language (none for staff modules, nor for a
     * module loaded before letters existed).
     */
    public record ModuleEntry(
            String id,
            boolean forStaff,
            List<String> bands,
            Map<String, String> titles,
            Map<String, String> summaries,
            boolean retired,
            List<LessonEntry> lessons,
            Map<String, String> familyLetters) {
        ModuleEntry withLessons(List<LessonEntry> current) {
            return new ModuleEntry(id, forStaff, bands, titles, summaries, retired, current, familyLetters);
        }

        /** The title in this language, or in the default language when it has no translation. */
        public String title(String language) {
            return Languages.pick(titles, language).orElse(id);
        }

        public String summary(String language) {
            return Languages.pick(summaries, language).orElse("");
        }

        /** The letter in exactly this language: it is printed for a family that reads it, never replaced. */
        public Optional<String> familyLetter(String language) {
            return Optional.ofNullable(language == null ? null : familyLetters.get(language));
        }

        /** The languages Dodam speaks that teachers can print this module's letter to families in, in Dodam's order. */
        public List<String> familyLetterLanguages() {
            return Languages.SUPPORTED.stream()
                    .filter(familyLetters::containsKey)
                    .toList();
        }

        /** Whether teachers can print this module's letter to families in any language Dodam speaks. */
        public boolean hasFamilyLetters() {
            return !familyLetterLanguages().isEmpty();
        }
    }

    /**
     * A lesson with its whole document; {@code titles} holds its title by language. The document holds the texts
     * of the languages it was loaded with: {@link #language} says which of them stands in for the reader's.
     */
    public record LessonEntry(
            String id,
            String moduleId,
            boolean forStaff,
            List<String> bands,
            int minutes,
            String version,
            int passMark,
            String feedbackMode,
            boolean retired,
            Map<String, String> titles,
            LessonDocument document) {

        /** The title in this language, or in the default language when it has no translation. */
        public String title(String language) {
            return Languages.pick(titles, language).orElse(id);
        }

        /** The language this lesson is read in for a reader of this language: theirs if it has it, else the default. */
        public String language(String reader) {
            return Languages.available(document.texts(), reader).orElse(Languages.DEFAULT);
        }

        /** The lesson's text for a reader of this language (see {@link #language}). */
        public LessonText text(String reader) {
            return document.texts().get(language(reader));
        }
    }
}
