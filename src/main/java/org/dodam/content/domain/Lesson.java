package org.dodam.content.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dodam.platform.Languages;

/**
 * A lesson as loaded from its files. The text of every language is kept as one JSON document (the
 * pages render it); what other features refer to (id, minutes, pass mark) has columns of its own, and its
 * title a row per language.
 */
@Entity
@Table(name = "lesson")
@NamedQuery(
        name = "Lesson.allWithTitles",
        query = "select l from Lesson l left join fetch l.titles order by l.module.position, l.position")
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

    /** The lesson's title by language, one row each in {@code lesson_text}; the texts themselves are in the document. */
    @ElementCollection
    @CollectionTable(name = "lesson_text", joinColumns = @JoinColumn(name = "lesson_id"))
    @MapKeyColumn(name = "language")
    @Column(name = "title", nullable = false)
    private Map<String, String> titles = new HashMap<>();

    @Column(nullable = false, length = 400_000)
    private String document;

    private boolean retired;

    protected Lesson() {}

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
        titles.keySet().retainAll(doc.texts().keySet());
        doc.texts().forEach((language, text) -> {
            if (!text.title().equals(titles.get(language))) {
                titles.put(language, text.title());
            }
        });
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

    /** The languages this lesson has a title in. */
    public Set<String> languages() {
        return Set.copyOf(titles.keySet());
    }

    /** The lesson's title in this language, or in the default language when it has no translation (see {@link Languages#pick}). */
    public String title(String language) {
        return Languages.pick(titles, language)
                .orElseThrow(() -> new IllegalStateException("lesson " + id + " has no title"));
    }
}
