package org.dodam.quizzes.domain;

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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The options a student chose for one question in one attempt, and whether that was right. */
@Entity
@Table(name = "attempt_answer")
@NamedQuery(
        name = "AttemptAnswer.firstAttemptCounts",
        query = "select a.questionKey, a.chosen, a.correct, count(a) from AttemptAnswer a"
                + " where a.attempt.number = 1 and a.attempt.studentId in :students and a.attempt.lessonId in :lessons"
                + " group by a.questionKey, a.chosen, a.correct")
public class AttemptAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attempt_id")
    private QuizAttempt attempt;

    @Column(name = "question_key", nullable = false)
    private String questionKey;

    @Column(nullable = false)
    private String chosen;

    private boolean correct;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected AttemptAnswer() {}

    public AttemptAnswer(
            QuizAttempt attempt, String questionKey, List<String> chosenOptions, boolean correct, Instant now) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.questionKey = Objects.requireNonNull(questionKey, "questionKey");
        this.chosen = String.join(",", chosenOptions);
        this.correct = correct;
        this.answeredAt = now;
    }

    public String questionKey() {
        return questionKey;
    }

    public List<String> chosen() {
        return Arrays.asList(chosen.split(","));
    }

    public boolean correct() {
        return correct;
    }
}
