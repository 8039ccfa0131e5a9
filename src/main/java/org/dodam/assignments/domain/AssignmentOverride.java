package org.dodam.assignments.domain;

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
import java.time.LocalDate;
import java.util.Objects;

/**
 * One student's own due date for an assignment (more time after an absence, say). It takes the place of
 * the class's date for that student only, on their home page and on the teacher's dashboard alike.
 */
@Entity
@Table(name = "assignment_override")
@NamedQuery(
        name = "AssignmentOverride.find",
        query = "select o from AssignmentOverride o where o.assignment = :assignment and o.studentId = :student")
@NamedQuery(
        name = "AssignmentOverride.ofClass",
        query =
                "select o from AssignmentOverride o join fetch o.assignment where o.assignment.classId = :classId and o.assignment.withdrawn = false")
@NamedQuery(
        name = "AssignmentOverride.ofStudent",
        query =
                "select o from AssignmentOverride o join fetch o.assignment where o.studentId = :student and o.assignment.classId in :classes"
                        + " and o.assignment.withdrawn = false")
public class AssignmentOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    protected AssignmentOverride() {}

    public AssignmentOverride(Assignment assignment, long studentId, LocalDate dueOn) {
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        this.studentId = studentId;
        this.dueOn = Objects.requireNonNull(dueOn, "dueOn");
    }

    public void moveTo(LocalDate newDueOn) {
        dueOn = Objects.requireNonNull(newDueOn, "newDueOn");
    }

    public Assignment assignment() {
        return assignment;
    }

    public Long studentId() {
        return studentId;
    }

    public LocalDate dueOn() {
        return dueOn;
    }
}
