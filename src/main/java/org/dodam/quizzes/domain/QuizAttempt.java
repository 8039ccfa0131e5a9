package org.dodam.quizzes.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One try at a lesson's quiz. A student has at most one open attempt per lesson; answers are saved as
 * they are given, so a closed tab or an expired session loses nothing, and the attempt is scored on the
 * server when its last question is answered.
 */
@Entity
@Table(name = "quiz_attempt")
@NamedQuery(name = "QuizAttempt.latest",
        query = "select a from QuizAttempt a where a.studentId = :student and a.lessonId = :lesson order by a.number desc")
@NamedQuery(name = "QuizAttempt.ofStudent",
        query = "select a from QuizAttempt a where a.studentId = :student and a.lessonId in :lessons order by a.lessonId, a.number")
public class QuizAttempt {

    /** Open while the student answers; submitted once scored. */
    public enum Status { OPEN, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "lesson_id", nullable = false)
    private String lessonId;

    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private Integer score;

    private boolean passed;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected QuizAttempt() {
    }

    public QuizAttempt(long studentId, String lessonId, int number, Instant now) {
        this.studentId = studentId;
        this.lessonId = Objects.requireNonNull(lessonId, "lessonId");
        this.number = number;
        this.status = Status.OPEN;
        this.startedAt = now;
    }

    public void submit(int finalScore, boolean hasPassed, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("attempt already submitted");
        }
        score = finalScore;
        passed = hasPassed;
        status = Status.SUBMITTED;
        submittedAt = now;
    }

    public Long studentId() {
        return studentId;
    }

    public String lessonId() {
        return lessonId;
    }

    public Long id() {
        return id;
    }

    public int number() {
        return number;
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    public Integer score() {
        return score;
    }

    public boolean passed() {
        return passed;
    }
}
