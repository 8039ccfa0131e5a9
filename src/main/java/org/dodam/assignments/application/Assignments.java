package org.dodam.assignments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.SchoolClass;
import org.dodam.assignments.domain.Assignment;
import org.dodam.content.application.Curriculum;
import org.dodam.lessons.application.LessonPlayer;
import org.dodam.platform.DodamException;

/**
 * What teachers assign to their classes. Assigning creates a progress entry for every student in the
 * class at once, so that students who never start still show on the dashboard.
 */
@ApplicationScoped
@Transactional
public class Assignments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    Curriculum curriculum;

    @Inject
    LessonPlayer player;

    @Inject
    Clock clock;

    /** Assigns the lessons to the teacher's class with one due date (or none); assigning again changes the date. */
    public void assign(Account teacher, long classId, List<String> lessonIds, LocalDate dueOn) {
        SchoolClass schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        if (lessonIds.isEmpty()) {
            throw new DodamException("assign.chooseLessons");
        }
        for (String lessonId : lessonIds) {
            curriculum.lesson(lessonId).filter(l -> !l.forStaff() && !l.retired())
                    .orElseThrow(() -> new DodamException("assign.unknownLesson"));
            em.createNamedQuery("Assignment.find", Assignment.class)
                    .setParameter("classId", schoolClass.id()).setParameter("lesson", lessonId)
                    .getResultStream().findFirst()
                    .ifPresentOrElse(existing -> existing.reassign(dueOn),
                            () -> em.persist(new Assignment(schoolClass.id(), lessonId, dueOn, clock.instant())));
        }
        List<Long> students = classes.students(teacher, classId).stream().map(Account::id).toList();
        player.ensureProgress(students, lessonIds);
    }

    public void withdraw(Account teacher, long classId, String lessonId) {
        SchoolClass schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        em.createNamedQuery("Assignment.find", Assignment.class)
                .setParameter("classId", schoolClass.id()).setParameter("lesson", lessonId)
                .getResultStream().findFirst().ifPresent(Assignment::withdraw);
    }

    /** The class's current assignments in due-date order (undated last). */
    public List<Assigned> ofClass(Account teacher, long classId) {
        SchoolClass schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        return ofClasses(List.of(schoolClass.id()));
    }

    /** Everything assigned to the student's classes; a lesson assigned twice counts once, with its earliest date. */
    public List<Assigned> assignedTo(Account student) {
        List<Long> classIds = classes.classesOf(student).stream().map(SchoolClass::id).toList();
        Map<String, Assigned> byLesson = new LinkedHashMap<>();
        for (Assigned assigned : ofClasses(classIds)) {
            byLesson.merge(assigned.lessonId(), assigned, (a, b) -> earlier(a.dueOn(), b.dueOn()) ? a : b);
        }
        return byLesson.values().stream().sorted(DUE_ORDER).toList();
    }

    private List<Assigned> ofClasses(List<Long> classIds) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Assignment.ofClasses", Assignment.class).setParameter("classes", classIds)
                .getResultList().stream()
                .map(a -> new Assigned(a.classId(), a.lessonId(), a.dueOn()))
                .sorted(DUE_ORDER).toList();
    }

    private static boolean earlier(LocalDate a, LocalDate b) {
        return b == null || (a != null && a.isBefore(b));
    }

    private static final Comparator<Assigned> DUE_ORDER = Comparator.comparing(Assigned::dueOn,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Assigned::lessonId);

    /** A lesson assigned to a class. */
    public record Assigned(long classId, String lessonId, LocalDate dueOn) {
    }
}
