package org.dodam.lessons.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.domain.Role;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.lessons.domain.LessonProgress;
import org.dodam.platform.DodamException;
import org.dodam.platform.Languages;
import org.dodam.quizzes.application.QuizFinished;

/**
 * A student working through a lesson one section at a time: every section opened is recorded, so the
 * student comes back exactly where they stopped, and the progress row exists from the first visit.
 */
@ApplicationScoped
@Transactional
public class LessonPlayer {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(LessonPlayer.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Curriculum curriculum;

    @Inject
    Clock clock;

    /** EclipseLink's hint for a query whose results are only read: nothing is registered to be checked for changes. */
    private static final String READ_ONLY = "eclipselink.read-only";

    /** This bean through its proxy, so that {@link #open} can start the transaction of {@link #record}. */
    @Inject
    LessonPlayer self;

    /**
     * Opens section {@code requested} (or, when null, the section the student last read) and records it.
     * Staff lessons and unknown ids are "not found" for students.
     *
     * <p>Opening the part the student is already on (a reload, the link opened again, the lesson resumed)
     * changes nothing, so it is only a read, with no transaction; anything else is recorded in one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Position open(Actor student, String lessonId, Integer requested) {
        LessonEntry lesson = studentLesson(student, lessonId);
        int total = studentSections(lesson);
        Optional<LessonProgress> known = findQuery(student.id(), lesson)
                .setHint(READ_ONLY, true)
                .getResultStream()
                .findFirst();
        if (known.isPresent()) {
            int index = requested != null ? requested : known.get().currentSection();
            if (!known.get().changedByViewing(index, total)) {
                return position(known.get(), total);
            }
        }
        return self.record(student, lesson, requested);
    }

    /** Records that the student opened section {@code requested} (or their current one) of the lesson. */
    public Position record(Actor student, LessonEntry lesson, Integer requested) {
        int total = studentSections(lesson);
        LessonProgress progress = progress(student.id(), lesson, total);
        int index = requested != null ? requested : progress.currentSection();
        if (progress.changedByViewing(index, total)) {
            lockForChange(progress);
            progress.view(index, total, clock.instant());
        }
        return position(progress, total);
    }

    private static Position position(LessonProgress progress, int total) {
        return new Position(
                progress.currentSection(),
                total,
                progress.sectionsSeen(),
                progress.passed(),
                progress.bestScore(),
                progress.completed());
    }

    /**
     * Records a finished quiz attempt on the student's progress (the best score counts), inside the answer's
     * transaction. A progress row that does not exist yet is made in that transaction too, not in one of its own
     * ({@link #start}): the answer's transaction may hold the id generator's row (it takes a new block of ids every
     * fifty), and a transaction of its own would wait for it until the database gave up (seen on H2: "Timeout trying
     * to lock table ID_GENERATOR"). Should a first visit of the lesson make the row at that very moment, the answer
     * fails whole and nothing of it is saved.
     */
    void onQuizFinished(@Observes QuizFinished finished) {
        LessonEntry lesson = curriculum.studentLesson(finished.lessonId()).orElseThrow(DodamException::notFound);
        LessonProgress progress = find(finished.studentId(), lesson).orElseGet(() -> {
            LessonProgress made =
                    new LessonProgress(finished.studentId(), lesson.id(), studentSections(lesson), clock.instant());
            em.persist(made);
            return made;
        });
        lockForChange(progress);
        progress.quizFinished(finished.score(), finished.passed(), clock.instant());
    }

    /** Creates progress rows for students who have none for these lessons yet (used when a lesson is assigned). */
    public void ensureProgress(List<Long> studentIds, List<String> lessonIds) {
        if (studentIds.isEmpty() || lessonIds.isEmpty()) {
            return;
        }
        var existing = em
                .createNamedQuery("LessonProgress.ofStudents", LessonProgress.class)
                .setParameter("students", studentIds)
                .setParameter("lessons", lessonIds)
                .getResultList()
                .stream()
                .map(p -> p.studentId() + "|" + p.lessonId())
                .collect(java.util.stream.Collectors.toSet());
        for (String lessonId : lessonIds) {
            int total = curriculum
                    .lesson(lessonId)
                    .map(LessonPlayer::studentSections)
                    .orElse(1);
            for (Long student : studentIds) {
                if (!existing.contains(student + "|" + lessonId)) {
                    em.persist(new LessonProgress(student, lessonId, total, clock.instant()));
                }
            }
        }
    }

    /**
     * Progress of these students in these lessons, as read-only values (students without a row are absent).
     * Read as plain columns, not entities: a class dashboard reads 700 rows and changes none of them.
     */
    public List<ProgressSnapshot> progressOf(List<Long> studentIds, List<String> lessonIds) {
        if (studentIds.isEmpty() || lessonIds.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery("LessonProgress.snapshotsOf", Object[].class)
                .setParameter("students", studentIds)
                .setParameter("lessons", lessonIds)
                .getResultList()
                .stream()
                .map(row -> new ProgressSnapshot(
                        (Long) row[0],
                        (String) row[1],
                        row[2] != null,
                        (java.time.Instant) row[3],
                        (Integer) row[4],
                        (Integer) row[5],
                        (Integer) row[6]))
                .toList();
    }

    /** A student's progress in a lesson as other features read it. */
    public record ProgressSnapshot(
            long studentId,
            String lessonId,
            boolean started,
            java.time.Instant completedAt,
            Integer bestScore,
            int sectionsSeen,
            int sectionsTotal) {}

    LessonProgress progress(long studentId, LessonEntry lesson, int total) {
        return find(studentId, lesson).orElseGet(() -> {
            // Two first visits at once (two tabs, a double click) would both make the row; the unique key on
            // (student, lesson) lets one of them in, and the other reads the row the first one made.
            try {
                self.start(studentId, lesson.id(), total);
            } catch (PersistenceException madeByTheOtherVisit) {
                LOG.fine(() -> "Progress row made by a concurrent first visit");
            }
            return find(studentId, lesson).orElseThrow();
        });
    }

    /** Makes the student's progress row for the lesson in a transaction of its own, committed at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void start(long studentId, String lessonId, int total) {
        em.persist(new LessonProgress(studentId, lessonId, total, clock.instant()));
        em.flush();
    }

    /** Reads the row again under a row lock, so that two changes at once (two parts opened, a quiz finished) both count. */
    private void lockForChange(LessonProgress progress) {
        em.flush(); // a row made in this transaction is written first, so that it can be read back
        em.refresh(progress, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<LessonProgress> find(long studentId, LessonEntry lesson) {
        return findQuery(studentId, lesson).getResultStream().findFirst();
    }

    private TypedQuery<LessonProgress> findQuery(long studentId, LessonEntry lesson) {
        return em.createNamedQuery("LessonProgress.find", LessonProgress.class)
                .setParameter("student", studentId)
                .setParameter("lesson", lesson.id());
    }

    /** A lesson a student may open: it exists and is not a staff lesson. */
    public LessonEntry studentLesson(Actor student, String lessonId) {
        if (student == null || !student.is(Role.STUDENT)) {
            throw DodamException.notFound();
        }
        return curriculum.studentLesson(lessonId).orElseThrow(DodamException::notFound);
    }

    /** Sections a student reads: all but the teacher notes. */
    public static int studentSections(LessonEntry lesson) {
        return (int) Math.max(
                1,
                lesson.text(Languages.DEFAULT).sections().stream()
                        .filter(s -> !"teacher-notes".equals(s.kind()))
                        .count());
    }

    /** Where the student is in a lesson after opening a section. */
    public record Position(int section, int total, int seen, boolean quizPassed, Integer bestScore, boolean completed)
            implements java.io.Serializable {
        public boolean allSeen() {
            return seen >= total;
        }
    }
}
