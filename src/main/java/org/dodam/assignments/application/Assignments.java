package org.dodam.assignments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.Classes.ClassDetails;
import org.dodam.accounts.application.Classes.ClassMember;
import org.dodam.assignments.domain.Assignment;
import org.dodam.assignments.domain.AssignmentOverride;
import org.dodam.content.application.Curriculum;
import org.dodam.lessons.application.LessonPlayer;
import org.dodam.platform.DodamException;

/**
 * What teachers assign to their classes. Assigning creates a progress entry for every student in the
 * class at once, so that students who never start still show on the dashboard. A student can have their
 * own due date for an assignment; {@link #assignedTo} already applies it, and {@link #personalDueDates}
 * gives the class's, so that {@code ClassProgress} computes both views from the same dates.
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
    public void assign(Actor teacher, long classId, List<String> lessonIds, LocalDate dueOn) {
        ClassDetails schoolClass = classes.activeOwnedBy(teacher, classId);
        if (lessonIds.isEmpty()) {
            throw new DodamException("assign.chooseLessons");
        }
        for (String lessonId : lessonIds) {
            curriculum
                    .lesson(lessonId)
                    .filter(l -> !l.forStaff() && !l.retired())
                    .orElseThrow(() -> new DodamException("assign.unknownLesson"));
            em.createNamedQuery("Assignment.find", Assignment.class)
                    .setParameter("classId", schoolClass.id())
                    .setParameter("lesson", lessonId)
                    .getResultStream()
                    .findFirst()
                    .ifPresentOrElse(
                            existing -> existing.reassign(dueOn),
                            () -> em.persist(new Assignment(schoolClass.id(), lessonId, dueOn, clock.instant())));
        }
        List<Long> students =
                classes.students(teacher, classId).stream().map(ClassMember::id).toList();
        player.ensureProgress(students, lessonIds);
    }

    public void withdraw(Actor teacher, long classId, String lessonId) {
        ClassDetails schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        em.createNamedQuery("Assignment.find", Assignment.class)
                .setParameter("classId", schoolClass.id())
                .setParameter("lesson", lessonId)
                .getResultStream()
                .findFirst()
                .ifPresent(Assignment::withdraw);
    }

    /** Moves the class's due date of an assignment ({@code null}: no due date); students' own dates stay. */
    public void changeDue(Actor teacher, long classId, String lessonId, LocalDate dueOn) {
        current(classes.activeOwnedBy(teacher, classId), lessonId).moveDue(dueOn);
    }

    /** Gives one student of the class their own due date for an assignment, or moves it. */
    public void setPersonalDue(Actor teacher, long classId, String lessonId, long studentId, LocalDate dueOn) {
        Assignment assignment = current(classes.activeOwnedBy(teacher, classId), lessonId);
        if (!classes.hasStudent(teacher, classId, studentId)) {
            throw DodamException.notFound();
        }
        if (dueOn == null) {
            throw new DodamException("override.dueRequired");
        }
        override(assignment, studentId)
                .ifPresentOrElse(
                        o -> o.moveTo(dueOn), () -> em.persist(new AssignmentOverride(assignment, studentId, dueOn)));
    }

    /** The student goes back to the class's due date; clearing a date that is not there changes nothing. */
    public void clearPersonalDue(Actor teacher, long classId, String lessonId, long studentId) {
        Assignment assignment = current(classes.activeOwnedBy(teacher, classId), lessonId);
        if (!classes.hasStudent(teacher, classId, studentId)) {
            throw DodamException.notFound();
        }
        override(assignment, studentId).ifPresent(em::remove);
    }

    /** Every student's own due date in the teacher's class, for its current assignments; one query. */
    public List<PersonalDue> personalDueDates(Actor teacher, long classId) {
        ClassDetails schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        return em
                .createNamedQuery("AssignmentOverride.ofClass", AssignmentOverride.class)
                .setParameter("classId", schoolClass.id())
                .getResultList()
                .stream()
                .map(o -> new PersonalDue(o.studentId(), o.assignment().lessonId(), o.dueOn()))
                .toList();
    }

    private Assignment current(ClassDetails schoolClass, String lessonId) {
        return em.createNamedQuery("Assignment.find", Assignment.class)
                .setParameter("classId", schoolClass.id())
                .setParameter("lesson", lessonId)
                .getResultStream()
                .filter(a -> !a.withdrawn())
                .findFirst()
                .orElseThrow(DodamException::notFound);
    }

    private java.util.Optional<AssignmentOverride> override(Assignment assignment, long studentId) {
        return em.createNamedQuery("AssignmentOverride.find", AssignmentOverride.class)
                .setParameter("assignment", assignment)
                .setParameter("student", studentId)
                .getResultStream()
                .findFirst();
    }

    /** The class's current assignments in due-date order (undated last). */
    public List<Assigned> ofClass(Actor teacher, long classId) {
        ClassDetails schoolClass = classes.ownedBy(teacher, classId).orElseThrow(DodamException::notFound);
        return ofClasses(List.of(schoolClass.id()));
    }

    /**
     * Everything assigned to the student's (current, not archived) classes, with the student's own due dates
     * where the teacher set one; a lesson assigned twice counts once, with its earliest date.
     */
    public List<Assigned> assignedTo(Actor student) {
        List<Long> classIds =
                classes.classesOf(student).stream().map(ClassDetails::id).toList();
        if (classIds.isEmpty()) {
            return List.of();
        }
        Map<String, LocalDate> personal = new HashMap<>();
        em.createNamedQuery("AssignmentOverride.ofStudent", AssignmentOverride.class)
                .setParameter("student", student.id())
                .setParameter("classes", classIds)
                .getResultList()
                .forEach(o -> personal.put(
                        o.assignment().classId() + "|" + o.assignment().lessonId(), o.dueOn()));
        Map<String, Assigned> byLesson = new LinkedHashMap<>();
        for (Assigned classWide : ofClasses(classIds)) {
            LocalDate own = personal.get(classWide.classId() + "|" + classWide.lessonId());
            Assigned assigned = own == null ? classWide : new Assigned(classWide.classId(), classWide.lessonId(), own);
            byLesson.merge(assigned.lessonId(), assigned, (a, b) -> earlier(a.dueOn(), b.dueOn()) ? a : b);
        }
        return byLesson.values().stream().sorted(DUE_ORDER).toList();
    }

    private List<Assigned> ofClasses(List<Long> classIds) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery("Assignment.ofClasses", Assignment.class)
                .setParameter("classes", classIds)
                .getResultList()
                .stream()
                .map(a -> new Assigned(a.classId(), a.lessonId(), a.dueOn()))
                .sorted(DUE_ORDER)
                .toList();
    }

    private static boolean earlier(LocalDate a, LocalDate b) {
        return b == null || (a != null && a.isBefore(b));
    }

    private static final Comparator<Assigned> DUE_ORDER = Comparator.comparing(
                    Assigned::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Assigned::lessonId);

    /** A lesson assigned to a class. */
    public record Assigned(long classId, String lessonId, LocalDate dueOn) {}

    /** One student's own due date for a lesson assigned to their class. */
    public record PersonalDue(long studentId, String lessonId, LocalDate dueOn) {}
}
