package org.dodam.accounts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A student's place in a class. Removing a student ends the membership instead of deleting it, so the
 * school keeps the student's progress while the class no longer shows them.
 */
@Entity
@Table(name = "class_membership")
@NamedQuery(
        name = "ClassMembership.activeStudents",
        query = "select m.student from ClassMembership m where m.schoolClass = :schoolClass and m.removedAt is null"
                + " order by m.student.displayName")
@NamedQuery(
        name = "ClassMembership.find",
        query = "select m from ClassMembership m where m.schoolClass = :schoolClass and m.student = :student")
@NamedQuery(
        name = "ClassMembership.findActive",
        query = "select m from ClassMembership m where m.schoolClass = :schoolClass and m.student.id = :studentId"
                + " and m.removedAt is null")
@NamedQuery(
        name = "ClassMembership.classesOf",
        query = "select m.schoolClass from ClassMembership m where m.student = :student and m.removedAt is null"
                + " and m.schoolClass.archived = false order by m.schoolClass.name")
@NamedQuery(
        name = "ClassMembership.countOfClass",
        query = "select count(m) from ClassMembership m where m.schoolClass = :schoolClass and m.removedAt is null")
@NamedQuery(name = "ClassMembership.pageByName", query = ClassMembership.PAGE + "s.displayName, s.id")
@NamedQuery(name = "ClassMembership.pageByNameDesc", query = ClassMembership.PAGE + "s.displayName desc, s.id")
@NamedQuery(name = "ClassMembership.pageByUsername", query = ClassMembership.PAGE + "s.username, s.id")
@NamedQuery(name = "ClassMembership.pageByUsernameDesc", query = ClassMembership.PAGE + "s.username desc, s.id")
@NamedQuery(
        name = "ClassMembership.countActive",
        query = "select m.schoolClass.id, count(m) from ClassMembership m where m.schoolClass in :classes"
                + " and m.removedAt is null group by m.schoolClass.id")
public class ClassMembership {

    /** A page of a class's roster (id, name, username of each student in it now), before its ORDER BY's columns. */
    static final String PAGE = "select s.id, s.displayName, s.username from ClassMembership m join m.student s"
            + " where m.schoolClass = :schoolClass and m.removedAt is null order by ";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id")
    private SchoolClass schoolClass;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    private Account student;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    protected ClassMembership() {}

    public ClassMembership(SchoolClass schoolClass, Account student, Instant joinedAt) {
        this.schoolClass = Objects.requireNonNull(schoolClass, "schoolClass");
        this.student = Objects.requireNonNull(student, "student");
        if (student.role() != Role.STUDENT) {
            throw new IllegalArgumentException("Only students join classes");
        }
        this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public void rejoin(Instant at) {
        removedAt = null;
        joinedAt = at;
    }

    public void remove(Instant at) {
        removedAt = Objects.requireNonNull(at, "at");
    }

    public boolean active() {
        return removedAt == null;
    }
}
