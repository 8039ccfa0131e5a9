package org.dodam.lessons.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One student's progress in one lesson: which sections they have seen, where they stopped, their best
 * quiz score. It exists from the moment a lesson is assigned (so students who never start still show)
 * or first opened. A lesson is complete when every section was seen and the quiz was passed.
 */
@Entity
@Table(name = "progress")
@NamedQuery(
        name = "LessonProgress.find",
        query = "select p from LessonProgress p where p.studentId = :student and p.lessonId = :lesson")
@NamedQuery(name = "LessonProgress.ofStudent", query = "select p from LessonProgress p where p.studentId = :student")
@NamedQuery(
        name = "LessonProgress.ofStudents",
        query = "select p from LessonProgress p where p.studentId in :students and p.lessonId in :lessons")
@NamedQuery(
        name = "LessonProgress.snapshotsOf",
        query =
                "select p.studentId, p.lessonId, p.startedAt, p.completedAt, p.bestScore, p.sectionsSeen, p.sectionsTotal"
                        + " from LessonProgress p where p.studentId in :students and p.lessonId in :lessons")
public class LessonProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "lesson_id", nullable = false)
    private String lessonId;

    @Column(name = "sections_total")
    private int sectionsTotal;

    @Column(name = "sections_seen")
    private int sectionsSeen;

    @Column(name = "current_section")
    private int currentSection;

    @Column(name = "best_score")
    private Integer bestScore;

    private boolean passed;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LessonProgress() {}

    public LessonProgress(long studentId, String lessonId, int sectionsTotal, Instant now) {
        this.studentId = studentId;
        this.lessonId = Objects.requireNonNull(lessonId, "lessonId");
        this.sectionsTotal = sectionsTotal;
        this.updatedAt = now;
    }

    /** Whether reading section {@code index} changes anything: reading the same part again writes nothing. */
    public boolean changedByViewing(int index, int total) {
        int bounded = Math.max(0, Math.min(index, total - 1));
        return startedAt == null || bounded != currentSection || total != sectionsTotal;
    }

    /** The student is reading section {@code index} (0-based) of a lesson that now has {@code total} sections. */
    public void view(int index, int total, Instant now) {
        if (!changedByViewing(index, total)) {
            return;
        }
        int bounded = Math.max(0, Math.min(index, total - 1));
        sectionsTotal = total;
        currentSection = bounded;
        sectionsSeen = Math.max(sectionsSeen, bounded + 1);
        if (startedAt == null) {
            startedAt = now;
        }
        updatedAt = now;
        completeIfDone(now);
    }

    /** A finished quiz attempt: the best score counts, and passing once is enough. */
    public void quizFinished(int score, boolean attemptPassed, Instant now) {
        bestScore = bestScore == null ? score : Math.max(bestScore, score);
        passed = passed || attemptPassed;
        if (startedAt == null) {
            startedAt = now;
        }
        updatedAt = now;
        completeIfDone(now);
    }

    private void completeIfDone(Instant now) {
        if (completedAt == null && passed && sectionsSeen >= sectionsTotal) {
            completedAt = now;
        }
    }

    public Long studentId() {
        return studentId;
    }

    public String lessonId() {
        return lessonId;
    }

    public int sectionsTotal() {
        return sectionsTotal;
    }

    public int sectionsSeen() {
        return sectionsSeen;
    }

    public int currentSection() {
        return currentSection;
    }

    public Integer bestScore() {
        return bestScore;
    }

    public boolean passed() {
        return passed;
    }

    public boolean started() {
        return startedAt != null;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public boolean completed() {
        return completedAt != null;
    }
}
