package org.dodam.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.platform.Languages;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.platform.web.Texts;
import org.dodam.progress.application.ClassDashboard;
import org.dodam.progress.application.ClassProgress;
import org.dodam.progress.application.ProgressState;
import org.omnifaces.util.Faces;

/** The class dashboard page; another teacher's class answers 404. One student's view is {@link StudentProgressBacking}. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    ClassProgress progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    Curriculum curriculum;

    @Inject
    LocaleBacking localeBacking;

    private String id;
    private long classId;
    private ClassDashboard dashboard;
    private List<MatrixRow> matrix;

    public void load() {
        if (id == null || !id.matches("\\d{1,18}")) {
            Faces.responseSendError(404, "");
            return;
        }
        classId = Long.parseLong(id);
        dashboard = progress.forClass(currentUser.requireActor(), classId);
    }

    public ClassDashboard getDashboard() {
        return dashboard;
    }

    /**
     * The students-by-lessons matrix with each cell's class and text worked out once here: a 35-student class
     * with 20 lessons has 700 cells, and per-cell Expression Language (a dozen reflective method calls each)
     * and per-cell ui:repeat iterations were most of the page's cost; {@link MatrixCells} writes them.
     */
    public List<MatrixRow> getMatrix() {
        if (matrix == null && dashboard != null) {
            Map<ProgressState, String> labels = new EnumMap<>(ProgressState.class);
            String ownDue = " " + Texts.text("student.view.ownDue");
            matrix = dashboard.students().stream()
                    .map(row -> new MatrixRow(
                            row.studentId(),
                            row.name(),
                            dashboard.lessonIds().stream()
                                    .map(row::status)
                                    .map(status -> new MatrixCell(
                                            "cell cell--" + status.state(),
                                            labels.computeIfAbsent(
                                                            status.state(),
                                                            state -> Texts.text("progress.teacher." + state.key()))
                                                    + (status.bestScore() == null
                                                            ? ""
                                                            : " · " + status.bestScore() + "%")
                                                    + (status.personalDue() ? ownDue : "")))
                                    .toList()))
                    .toList();
        }
        return matrix;
    }

    public long getClassId() {
        return classId;
    }

    public String title(String lessonId) {
        return curriculum.lessonTitle(lessonId, localeBacking.getLanguage());
    }

    /**
     * The band's bar length in steps of 5 % of the largest band, as a CSS class suffix: the page needs no
     * inline style, so a strict Content-Security-Policy holds. The number beside the bar is the real value.
     */
    public long barWidth(ClassDashboard.ScoreBand band) {
        long max = Math.max(
                1,
                dashboard.scoreBands().stream()
                        .mapToLong(ClassDashboard.ScoreBand::students)
                        .max()
                        .orElse(1));
        return Math.round(band.students() * 20.0 / max) * 5;
    }

    /** The question's prompt and the text of the options most students chose wrongly, in the page's language. */
    public String prompt(ClassDashboard.MissedQuestion missed) {
        return question(missed)
                .flatMap(q -> Languages.pick(q.prompt(), localeBacking.getLanguage()))
                .orElse(missed.questionId());
    }

    public String wrongAnswer(ClassDashboard.MissedQuestion missed) {
        String lang = localeBacking.getLanguage();
        return question(missed)
                .map(q -> String.join(
                        " + ",
                        q.options().stream()
                                .filter(o -> missed.commonWrongAnswer().contains(o.id()))
                                .map(o -> Languages.pick(o.text(), lang).orElse(o.id()))
                                .toList()))
                .orElse("");
    }

    private java.util.Optional<Question> question(ClassDashboard.MissedQuestion missed) {
        return curriculum
                .lesson(missed.lessonId())
                .flatMap(l -> l.document().questions().stream()
                        .filter(q -> q.id().equals(missed.questionId()))
                        .findFirst());
    }

    public List<String> getLessonIds() {
        return dashboard.lessonIds();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** One student's row of the matrix, ready to print. */
    public static final class MatrixRow {
        private final long studentId;
        private final String name;
        private final List<MatrixCell> cells;

        MatrixRow(long studentId, String name, List<MatrixCell> cells) {
            this.studentId = studentId;
            this.name = name;
            this.cells = cells;
        }

        public long getStudentId() {
            return studentId;
        }

        public String getName() {
            return name;
        }

        public List<MatrixCell> getCells() {
            return cells;
        }
    }

    /** One cell: its CSS classes (by state) and its text, e.g. "Completed · 100%". */
    public static final class MatrixCell {
        private final String css;
        private final String text;

        MatrixCell(String css, String text) {
            this.css = css;
            this.text = text;
        }

        public String getCss() {
            return css;
        }

        public String getText() {
            return text;
        }
    }
}
