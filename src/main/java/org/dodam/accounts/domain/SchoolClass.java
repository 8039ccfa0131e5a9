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
 * A class run by one teacher; students join it with its join code or are added by the teacher. Archiving
 * keeps the class and everything done in it for the school's records, but takes it off the teacher's
 * list and its assignments off its students' lists; it can be restored.
 */
@Entity
@Table(name = "school_class")
@NamedQuery(
        name = "SchoolClass.archivedOfTeacher",
        query = "select c from SchoolClass c where c.teacher = :teacher and c.archived = true order by c.name")
@NamedQuery(
        name = "SchoolClass.countOfTeacher",
        query = "select count(c) from SchoolClass c where c.teacher.id = :teacher and c.archived = false")
@NamedQuery(name = "SchoolClass.pageByName", query = SchoolClass.PAGE + "c.name, c.id")
@NamedQuery(name = "SchoolClass.pageByNameDesc", query = SchoolClass.PAGE + "c.name desc, c.id")
@NamedQuery(name = "SchoolClass.pageBySize", query = SchoolClass.PAGE + "students, c.name, c.id")
@NamedQuery(name = "SchoolClass.pageBySizeDesc", query = SchoolClass.PAGE + "students desc, c.name, c.id")
@NamedQuery(
        name = "SchoolClass.byJoinCode",
        query = "select c from SchoolClass c where c.joinCode = :code and c.archived = false")
public class SchoolClass {

    /**
     * A page of a teacher's active classes (id, name, join code and the number of students in each now), before
     * its ORDER BY's columns: one statement, whatever the number of classes or students.
     */
    static final String PAGE = "select c.id, c.name, c.joinCode, count(m.id) as students from SchoolClass c"
            + " left join ClassMembership m on m.schoolClass = c and m.removedAt is null"
            + " where c.teacher.id = :teacher and c.archived = false group by c.id, c.name, c.joinCode order by ";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "teacher_id")
    private Account teacher;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(name = "join_code", nullable = false, length = 12)
    private String joinCode;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SchoolClass() {}

    public SchoolClass(Account teacher, String name, String joinCode, Instant createdAt) {
        this.teacher = Objects.requireNonNull(teacher, "teacher");
        if (teacher.role() != Role.TEACHER) {
            throw new IllegalArgumentException("A class is run by a teacher");
        }
        this.school = teacher.school();
        this.name = Objects.requireNonNull(name, "name");
        this.joinCode = Objects.requireNonNull(joinCode, "joinCode");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public void rename(String newName) {
        name = Objects.requireNonNull(newName, "newName");
    }

    public void archive() {
        archived = true;
    }

    public void restore() {
        archived = false;
    }

    public boolean isRunBy(long accountId) {
        return teacher.id() == accountId;
    }

    public Long id() {
        return id;
    }

    public School school() {
        return school;
    }

    public Account teacher() {
        return teacher;
    }

    public String name() {
        return name;
    }

    public String joinCode() {
        return joinCode;
    }

    public boolean archived() {
        return archived;
    }
}
