package org.dodam.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One quiz question (or a lesson's decision), kept by its stable id so that answers and the class
 * dashboard's most-missed questions can refer to it across content updates.
 */
@Entity
@Table(name = "quiz_question")
@NamedQuery(name = "QuizQuestion.all", query = "select q from QuizQuestion q")
public class QuizQuestion {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lesson_id")
    private Lesson lesson;

    @Column(name = "question_id", nullable = false)
    private String questionId;

    private int position;

    @Column(name = "question_type", nullable = false)
    private String type;

    @Column(nullable = false, length = 100_000)
    private String document;

    private boolean retired;

    protected QuizQuestion() {}

    public QuizQuestion(Lesson lesson, String questionId) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.questionId = Objects.requireNonNull(questionId, "questionId");
        this.id = new QuestionKey(lesson.id(), questionId).stored();
    }

    public void update(int newPosition, String newType, String json) {
        position = newPosition;
        type = newType;
        document = json;
        retired = false;
    }

    public void retire() {
        retired = true;
    }

    public String id() {
        return id;
    }

    public boolean retired() {
        return retired;
    }
}
