package org.dodam.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentVersion;
import org.dodam.content.domain.CourseModule;
import org.dodam.content.domain.Lesson;
import org.dodam.content.domain.LessonDocument;
import org.dodam.content.domain.QuestionKey;
import org.dodam.content.domain.QuizQuestion;

/**
 * Writes a validated content set into the database in one transaction: modules, lessons and questions
 * are inserted or updated by their stable ids, and whatever has left the files is retired, not deleted.
 */
@ApplicationScoped
@Transactional
public class ContentStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Applies the set unless this exact version is already loaded; says whether anything was written. */
    public boolean apply(ContentSet set) {
        if (latest().map(ContentVersion::version).filter(set.version()::equals).isPresent()) {
            return false;
        }
        // Every module and lesson with its texts in two queries, rather than one more for each as it is updated.
        Map<String, CourseModule> storedModules = new HashMap<>();
        em.createNamedQuery("CourseModule.allWithTexts", CourseModule.class)
                .getResultList()
                .forEach(m -> storedModules.put(m.id(), m));
        Map<String, Lesson> storedLessons = new HashMap<>();
        em.createNamedQuery("Lesson.allWithTitles", Lesson.class)
                .getResultList()
                .forEach(l -> storedLessons.put(l.id(), l));
        Set<String> modules = new HashSet<>();
        Set<String> lessons = new HashSet<>();
        Set<String> questions = new HashSet<>();
        for (ModuleDoc doc : set.modules()) {
            CourseModule module = Optional.ofNullable(storedModules.get(doc.id()))
                    .orElseGet(() -> {
                        CourseModule created = new CourseModule(doc.id());
                        em.persist(created);
                        return created;
                    });
            module.update(doc);
            modules.add(doc.id());
            for (int i = 0; i < doc.lessons().size(); i++) {
                LessonDoc lessonDoc = doc.lessons().get(i);
                storeLesson(module, i + 1, lessonDoc, storedLessons.get(lessonDoc.id()), questions);
                lessons.add(lessonDoc.id());
            }
        }
        em.flush();
        storedModules.values().stream().filter(m -> !modules.contains(m.id())).forEach(CourseModule::retire);
        storedLessons.values().stream().filter(l -> !lessons.contains(l.id())).forEach(Lesson::retire);
        em.createNamedQuery("QuizQuestion.all", QuizQuestion.class).getResultList().stream()
                .filter(q -> !questions.contains(q.id()))
                .forEach(QuizQuestion::retire);
        ContentVersion version = em.find(ContentVersion.class, set.version());
        if (version == null) {
            em.persist(new ContentVersion(set.version(), clock.instant(), ContentJson.help(set.help())));
        } else {
            version.loadedAgain(clock.instant());
        }
        return true;
    }

    private void storeLesson(CourseModule module, int position, LessonDoc doc, Lesson stored, Set<String> questions) {
        Lesson lesson = stored != null ? stored : new Lesson(doc.id());
        LessonDocument document = new LessonDocument(
                doc.texts(), doc.references(), doc.quiz().decision(), doc.quiz().questions());
        lesson.update(module, position, doc, ContentJson.lesson(document));
        if (!em.contains(lesson)) {
            em.persist(lesson);
        }
        List<Question> all = new java.util.ArrayList<>();
        all.add(doc.quiz().decision());
        all.addAll(doc.quiz().questions());
        for (int i = 0; i < all.size(); i++) {
            Question question = all.get(i);
            String questionId = i == 0 ? "decision" : question.id();
            String key = new QuestionKey(doc.id(), questionId).stored();
            QuizQuestion row = em.find(QuizQuestion.class, key);
            if (row == null) {
                row = new QuizQuestion(lesson, questionId);
                em.persist(row);
            }
            row.update(i, i == 0 ? "decision" : question.type(), ContentJson.question(question));
            questions.add(key);
        }
    }

    public Optional<ContentVersion> latest() {
        return em.createNamedQuery("ContentVersion.latest", ContentVersion.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
