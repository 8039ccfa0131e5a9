package org.dodam.assignments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A lesson a teacher assigned to a class, with an optional due date. Withdrawing keeps the row. */
@Entity
@Table(name = "assignment")
@NamedQuery(
        name = "Assignment.ofClasses",
        query = "select a from Assignment a where a.classId in :classes and a.withdrawn = false")
@NamedQuery(
        name = "Assignment.find",
        query = "select a from Assignment a where a.classId = :classId and a.lessonId = :lesson")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "class_id", nullable = false)
    private Long classId;

    @Column(name = "lesson_id", nullable = false)
    private String lessonId;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    private boolean withdrawn;

    protected Assignment() {}

    public Assignment(long classId, String lessonId, LocalDate dueOn, Instant now) {
        this.classId = classId;
        this.lessonId = Objects.requireNonNull(lessonId, "lessonId");
        this.dueOn = dueOn;
        this.createdAt = now;
    }

    public void reassign(LocalDate newDueOn) {
        dueOn = newDueOn;
        withdrawn = false;
    }

    /** Moves the class's due date (or removes it with {@code null}); students' own dates stay. */
    public void moveDue(LocalDate newDueOn) {
        dueOn = newDueOn;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public void withdraw() {
        withdrawn = true;
    }

    public Long id() {
        return id;
    }

    public Long classId() {
        return classId;
    }

    public String lessonId() {
        return lessonId;
    }

    public LocalDate dueOn() {
        return dueOn;
    }
}
