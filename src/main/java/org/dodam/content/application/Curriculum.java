package org.dodam.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dodam.content.domain.ContentModel;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentVersion;
import org.dodam.content.domain.CourseModule;
import org.dodam.content.domain.Lesson;
import org.dodam.content.domain.LessonDocument;

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
        for (CourseModule module : em.createNamedQuery("CourseModule.all", CourseModule.class).getResultList()) {
            Map<String, String> letters = new LinkedHashMap<>();
            ContentModel.LOCALES.forEach(locale -> module.familyLetter(locale).ifPresent(letter -> letters.put(locale, letter)));
            modules.put(module.id(), new ModuleEntry(module.id(), module.forStaff(), module.bands(),
                    Map.of("en", module.title("en"), "ko", module.title("ko")),
                    Map.of("en", module.summary("en"), "ko", module.summary("ko")), module.retired(), new ArrayList<>(),
                    Map.copyOf(letters)));
        }
        Map<String, LessonEntry> lessons = new LinkedHashMap<>();
        for (Lesson lesson : em.createNamedQuery("Lesson.all", Lesson.class).getResultList()) {
            ModuleEntry module = modules.get(lesson.module().id());
            LessonEntry entry = new LessonEntry(lesson.id(), module.id(), module.forStaff(), lesson.bands(),
                    lesson.minutes(), lesson.version(), lesson.passMark(), lesson.feedbackMode(), lesson.retired(),
                    ContentJson.lesson(lesson.document()));
            lessons.put(lesson.id(), entry);
            if (!lesson.retired()) {
                module.lessons().add(entry);
            }
        }
        Map<String, CountryHelp> help = em.createNamedQuery("ContentVersion.latest", ContentVersion.class)
                .setMaxResults(1).getResultStream().findFirst()
                .map(v -> ContentJson.help(v.helpRoutes())).orElse(Map.of());
        List<ModuleEntry> active = modules.values().stream().filter(m -> !m.retired())
                .map(m -> m.withLessons(List.copyOf(m.lessons()))).toList();
        snapshot = new Snapshot(active, Map.copyOf(lessons), help);
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

    private record Snapshot(List<ModuleEntry> modules, Map<String, LessonEntry> lessons, Map<String, CountryHelp> help) {
    }

    /**
     * A module and its current lessons; {@code familyLetters} holds the Markdown of its letter to families by
     * locale (none for staff modules, nor for a module loaded before letters existed).
     */
    public record ModuleEntry(String id, boolean forStaff, List<String> bands, Map<String, String> title,
                              Map<String, String> summary, boolean retired, List<LessonEntry> lessons,
                              Map<String, String> familyLetters) {
        ModuleEntry withLessons(List<LessonEntry> current) {
            return new ModuleEntry(id, forStaff, bands, title, summary, retired, current, familyLetters);
        }

        public Optional<String> familyLetter(String locale) {
            return Optional.ofNullable(familyLetters.get(locale));
        }

        /** Whether teachers can print this module's letter to families in both languages. */
        public boolean hasFamilyLetters() {
            return familyLetters.keySet().containsAll(ContentModel.LOCALES);
        }
    }

    /** A lesson with its whole document. */
    public record LessonEntry(String id, String moduleId, boolean forStaff, List<String> bands, int minutes,
                              String version, int passMark, String feedbackMode, boolean retired,
                              LessonDocument document) {
        public String title(String locale) {
            return document.texts().get(locale).title();
        }
    }
}
