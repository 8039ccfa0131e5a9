package org.dodam.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Objects;

/**
 * A lesson as loaded from its files. The text of both languages is kept as one JSON document (the
 * pages render it); what other features refer to (id, minutes, pass mark) has columns of its own.
 */
@Entity
@Table(name = "lesson")
@NamedQuery(name = "Lesson.all", query = "select l from Lesson l order by l.module.position, l.position")
public class Lesson {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "module_id")
    private CourseModule module;

    private int position;

    @Column(nullable = false)
    private String bands;

    private int minutes;

    @Column(nullable = false)
    private String version;

    @Column(name = "pass_mark")
    private int passMark;

    @Column(name = "feedback_mode", nullable = false)
    private String feedbackMode;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Column(name = "title_ko", nullable = false)
    private String titleKo;

    @Column(nullable = false, length = 400_000)
    private String document;

    private boolean retired;

    protected Lesson() {
    }

    public Lesson(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public void update(CourseModule owner, int newPosition, ContentModel.LessonDoc doc, String json) {
        module = Objects.requireNonNull(owner, "owner");
        position = newPosition;
        bands = String.join(",", doc.bands());
        minutes = doc.minutes();
        version = doc.version();
        passMark = doc.quiz().passMark();
        feedbackMode = doc.quiz().feedback();
        titleEn = doc.texts().get("en").title();
        titleKo = doc.texts().get("ko").title();
        document = Objects.requireNonNull(json, "json");
        retired = false;
    }

    public void retire() {
        retired = true;
    }

    public String id() {
        return id;
    }

    public CourseModule module() {
        return module;
    }

    public int position() {
        return position;
    }

    public List<String> bands() {
        return List.of(bands.split(","));
    }

    public int minutes() {
        return minutes;
    }

    public String version() {
        return version;
    }

    public int passMark() {
        return passMark;
    }

    public String feedbackMode() {
        return feedbackMode;
    }

    public String document() {
        return document;
    }

    public boolean retired() {
        return retired;
    }

    public String title(String locale) {
        return "ko".equals(locale) ? titleKo : titleEn;
    }
}
