package org.dodam.quizzes.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dodam.content.domain.QuestionKey;

/**
 * One try at a lesson's quiz. A student has at most one open attempt per lesson; answers are saved as
 * they are given, so a closed tab or an expired session loses nothing, and the attempt scores itself
 * when its last question is answered ({@link #answer}). Each question is answered once per attempt.
 */
@Entity
@Table(name = "quiz_attempt")
@NamedQuery(
        name = "QuizAttempt.latest",
        query =
                "select a from QuizAttempt a where a.studentId = :student and a.lessonId = :lesson order by a.number desc")
@NamedQuery(
        name = "QuizAttempt.ofStudent",
        query =
                "select a from QuizAttempt a where a.studentId = :student and a.lessonId in :lessons order by a.lessonId, a.number")
public class QuizAttempt {

    /** Open while the student answers; submitted once scored. */
    public enum Status {
        OPEN,
        SUBMITTED
    }

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

    @OneToMany(mappedBy = "attempt", cascade = CascadeType.PERSIST)
    private List<AttemptAnswer> answers = new ArrayList<>();

    protected QuizAttempt() {}

    public QuizAttempt(long studentId, String lessonId, int number, Instant now) {
        this.studentId = studentId;
        this.lessonId = Objects.requireNonNull(lessonId, "lessonId");
        this.number = number;
        this.status = Status.OPEN;
        this.startedAt = now;
    }

    /**
     * Records the answer to one question of a quiz of {@code questionCount} questions; with the last one the
     * attempt is scored (the share of questions answered rightly, in percent) and submitted. A question
     * answered before in this attempt (a double submit, a second tab) changes nothing: the result is empty.
     */
    public Optional<AttemptAnswer> answer(
            QuestionKey question, List<String> chosen, boolean correct, int questionCount, int passMark, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("attempt already submitted");
        }
        if (!question.lessonId().equals(lessonId)) {
            throw new IllegalArgumentException(question + " is not a question of " + lessonId);
        }
        if (answered(question).isPresent()) {
            return Optional.empty();
        }
        AttemptAnswer answer = new AttemptAnswer(this, question.stored(), chosen, correct, now);
        answers.add(answer);
        if (answers.size() >= questionCount) {
            long right = answers.stream().filter(AttemptAnswer::correct).count();
            score = (int) (right * 100 / answers.size());
            passed = score >= passMark;
            status = Status.SUBMITTED;
            submittedAt = now;
        }
        return Optional.of(answer);
    }

    public Optional<AttemptAnswer> answered(QuestionKey question) {
        String stored = question.stored();
        return answers.stream().filter(a -> a.questionKey().equals(stored)).findFirst();
    }

    /** The answers given so far, in the order given. */
    public List<AttemptAnswer> answers() {
        return Collections.unmodifiableList(answers);
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
