package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.ClassMembership;
import org.dodam.accounts.domain.Role;
import org.dodam.accounts.domain.SchoolClass;
import org.dodam.platform.DodamException;

/**
 * A teacher's classes and who is in them. A teacher reaches only their own classes; others are "not found".
 * An archived class can still be opened by its teacher (to read its records or restore it), but nothing
 * can be added to it: {@link #activeOwnedBy} refuses it with a message. Teachers and students come as an
 * {@link Actor}, and classes and their students go out as values ({@link ClassDetails}, {@link ClassMember}), so
 * the features that build on classes (assignments, progress, launches) never hold accounts' entities.
 */
@ApplicationScoped
@Transactional
public class Classes {

    /** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read out in class. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final int CODE_LENGTH = 8;

    /** The most classes or students one page asks for: a page is for reading, not for exporting the school. */
    private static final int PAGE_MAX = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    /** A new class of the teacher's, with its join code; it has no students yet. */
    public ClassSummary create(Actor teacher, String name) {
        if (teacher == null || !teacher.is(Role.TEACHER)) {
            throw DodamException.notFound();
        }
        if (!AccountRules.validName(name)) {
            throw new DodamException("classes.nameInvalid");
        }
        SchoolClass schoolClass =
                new SchoolClass(em.find(Account.class, teacher.id()), name.strip(), newJoinCode(), clock.instant());
        em.persist(schoolClass);
        return new ClassSummary(schoolClass.id(), schoolClass.name(), schoolClass.joinCode(), 0);
    }

    public void rename(Actor teacher, long classId, String newName) {
        SchoolClass schoolClass = classOf(teacher, classId).orElseThrow(DodamException::notFound);
        if (!AccountRules.validName(newName)) {
            throw new DodamException("classes.nameInvalid");
        }
        schoolClass.rename(newName.strip());
    }

    /** Takes the class off the teacher's list and its assignments off its students' lists; progress is kept. */
    public void archive(Actor teacher, long classId) {
        classOf(teacher, classId).orElseThrow(DodamException::notFound).archive();
    }

    public void restore(Actor teacher, long classId) {
        classOf(teacher, classId).orElseThrow(DodamException::notFound).restore();
    }

    /**
     * Ends the student's membership of the class. Their account, progress and attempts stay for the school's
     * records; the class's roster and dashboard no longer show them. Removing someone already removed is
     * "not found", so a second click changes nothing.
     */
    public void removeStudent(Actor teacher, long classId, long studentId) {
        SchoolClass schoolClass = classOf(teacher, classId).orElseThrow(DodamException::notFound);
        em.createNamedQuery("ClassMembership.findActive", ClassMembership.class)
                .setParameter("schoolClass", schoolClass)
                .setParameter("studentId", studentId)
                .getResultStream()
                .findFirst()
                .orElseThrow(DodamException::notFound)
                .remove(clock.instant());
    }

    /**
     * Puts a student of the class's school in the class, unless they were in it already: a student the teacher
     * removed stays removed. For students whose membership comes from elsewhere (a platform course).
     */
    public void enrol(long classId, long studentId) {
        SchoolClass schoolClass = em.find(SchoolClass.class, classId);
        Account student = em.find(Account.class, studentId);
        if (schoolClass == null
                || student == null
                || student.role() != Role.STUDENT
                || !student.school().id().equals(schoolClass.school().id())) {
            throw DodamException.notFound();
        }
        boolean known = em.createNamedQuery("ClassMembership.find", ClassMembership.class)
                .setParameter("schoolClass", schoolClass)
                .setParameter("student", student)
                .getResultStream()
                .findFirst()
                .isPresent();
        if (!known) {
            em.persist(new ClassMembership(schoolClass, student, clock.instant()));
        }
    }

    /** The teacher's class when it may still change: another teacher's is not found, an archived one is refused. */
    public ClassDetails activeOwnedBy(Actor teacher, long classId) {
        return ClassDetails.of(activeClassOf(teacher, classId));
    }

    /** {@link #activeOwnedBy} as the entity, for accounts' own use (a new student's membership). */
    SchoolClass activeClassOf(Actor teacher, long classId) {
        SchoolClass schoolClass = classOf(teacher, classId).orElseThrow(DodamException::notFound);
        if (schoolClass.archived()) {
            throw new DodamException("classes.archivedReadOnly");
        }
        return schoolClass;
    }

    /** Whether the student is in this class of the teacher's now (not removed). */
    public boolean hasStudent(Actor teacher, long classId, long studentId) {
        SchoolClass schoolClass = classOf(teacher, classId).orElseThrow(DodamException::notFound);
        return em.createNamedQuery("ClassMembership.findActive", ClassMembership.class)
                .setParameter("schoolClass", schoolClass)
                .setParameter("studentId", studentId)
                .getResultStream()
                .findFirst()
                .isPresent();
    }

    /** How many active classes the teacher has, for their class list's pager. */
    public long classCount(Actor teacher) {
        return em.createNamedQuery("SchoolClass.countOfTeacher", Long.class)
                .setParameter("teacher", teacherId(teacher))
                .getSingleResult();
    }

    /**
     * One page of the teacher's active classes with their student counts, sorted and cut in the database in one
     * statement: a teacher with 3 classes or 300 costs the same.
     */
    public List<ClassSummary> classesPage(Actor teacher, ClassOrder order, int first, int size) {
        checkPage(first, size);
        return em.createNamedQuery(order.query(), Object[].class)
                .setParameter("teacher", teacherId(teacher))
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultStream()
                .map(row -> new ClassSummary(
                        (Long) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()))
                .toList();
    }

    public List<ClassSummary> archivedOf(Actor teacher) {
        return summaries(em.createNamedQuery("SchoolClass.archivedOfTeacher", SchoolClass.class)
                .setParameter("teacher", em.find(Account.class, teacher.id()))
                .getResultList());
    }

    private List<ClassSummary> summaries(List<SchoolClass> owned) {
        if (owned.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        em.createNamedQuery("ClassMembership.countActive", Object[].class)
                .setParameter("classes", owned)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return owned.stream()
                .map(c -> new ClassSummary(c.id(), c.name(), c.joinCode(), counts.getOrDefault(c.id(), 0L)))
                .toList();
    }

    /** The teacher's own class, archived or not; empty for anyone else's or for a class that does not exist. */
    public Optional<ClassDetails> ownedBy(Actor teacher, long classId) {
        return classOf(teacher, classId).map(ClassDetails::of);
    }

    private Optional<SchoolClass> classOf(Actor teacher, long classId) {
        SchoolClass schoolClass = em.find(SchoolClass.class, classId);
        if (schoolClass == null || teacher == null || !teacher.is(Role.TEACHER) || !schoolClass.isRunBy(teacher.id())) {
            return Optional.empty();
        }
        return Optional.of(schoolClass);
    }

    public Optional<SchoolClass> byJoinCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (normalized.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery("SchoolClass.byJoinCode", SchoolClass.class)
                .setParameter("code", normalized)
                .getResultStream()
                .findFirst();
    }

    /** How many students are in the teacher's class now, for its roster's pager; another teacher's is not found. */
    public long studentCount(Actor teacher, long classId) {
        return em.createNamedQuery("ClassMembership.countOfClass", Long.class)
                .setParameter("schoolClass", classOf(teacher, classId).orElseThrow(DodamException::notFound))
                .getSingleResult();
    }

    /**
     * One page of the students in the teacher's class now, sorted and cut in the database: the same statements for
     * a class of 30 or a course of 600. Another teacher's class is not found.
     */
    public List<ClassMember> studentsPage(Actor teacher, long classId, RosterOrder order, int first, int size) {
        SchoolClass schoolClass = classOf(teacher, classId).orElseThrow(DodamException::notFound);
        checkPage(first, size);
        return em.createNamedQuery(order.query(), Object[].class)
                .setParameter("schoolClass", schoolClass)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultStream()
                .map(row -> new ClassMember((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    private static void checkPage(int first, int size) {
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new IllegalArgumentException("a page from " + first + " of " + size + " rows");
        }
    }

    /** The teacher's id, for the queries of their classes; anyone else is not found. */
    private static long teacherId(Actor teacher) {
        if (teacher == null || !teacher.is(Role.TEACHER)) {
            throw DodamException.notFound();
        }
        return teacher.id();
    }

    /** The students in the teacher's class now (not removed). */
    public List<ClassMember> students(Actor teacher, long classId) {
        SchoolClass schoolClass = classOf(teacher, classId).orElseThrow(DodamException::notFound);
        return em.createNamedQuery("ClassMembership.activeStudents", Account.class)
                .setParameter("schoolClass", schoolClass)
                .getResultStream()
                .map(s -> new ClassMember(s.id(), s.displayName(), s.username()))
                .toList();
    }

    /** The classes the student is in now (not removed, not archived). */
    public List<ClassDetails> classesOf(Actor student) {
        return classesOf(student.id()).stream().map(ClassDetails::of).toList();
    }

    private List<SchoolClass> classesOf(long studentId) {
        return em.createNamedQuery("ClassMembership.classesOf", SchoolClass.class)
                .setParameter("student", em.find(Account.class, studentId))
                .getResultList();
    }

    /** Whether the student is (still) in one of the teacher's classes. */
    boolean teaches(Account teacher, Account student) {
        return classesOf(student.id()).stream().anyMatch(c -> c.isRunBy(teacher.id()));
    }

    private String newJoinCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A class as the teacher's list shows it. */
    public record ClassSummary(long id, String name, String joinCode, long students) {}

    /** A class as the pages and features built on it need it (a class page, a dashboard, a student's home). */
    public record ClassDetails(long id, String name, String joinCode, boolean archived) {
        static ClassDetails of(SchoolClass schoolClass) {
            return new ClassDetails(
                    schoolClass.id(), schoolClass.name(), schoolClass.joinCode(), schoolClass.archived());
        }
    }

    /** A student of a class as its roster and dashboard show them. */
    public record ClassMember(long id, String displayName, String username) {}
}
