package org.dodam.progress.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.assignments.application.Assignments;
import org.dodam.content.application.Curriculum;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.platform.web.Texts;
import org.dodam.progress.application.ClassProgress;
import org.dodam.progress.application.ClassProgress.StudentLesson;
import org.dodam.progress.application.ClassProgress.StudentReport;
import org.omnifaces.util.Faces;

/**
 * One student of a teacher's class, reached from the dashboard's matrix: each assigned lesson with its
 * state, score, reading and attempts, and the student's own due dates. A class or student the teacher
 * does not teach answers 404, on the first request and on every action.
 */
@Named
@ViewScoped
public class StudentProgressBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ClassProgress progress;

    @Inject
    transient Assignments assignments;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient Curriculum curriculum;

    @Inject
    transient LocaleBacking localeBacking;

    private String id;
    private String student;
    private long classId;
    private long studentId;
    private transient StudentReport report;
    private final Map<String, LocalDate> ownDue = new HashMap<>();

    public void load() {
        if (id == null || student == null || !id.matches("\\d{1,18}") || !student.matches("\\d{1,18}")) {
            Faces.responseSendError(404, "");
            return;
        }
        classId = Long.parseLong(id);
        studentId = Long.parseLong(student);
        refresh();
    }

    private void refresh() {
        report = progress.forStudentInClass(currentUser.requireActor(), classId, studentId);
        ownDue.clear();
        report.lessons()
                .forEach(l -> ownDue.put(
                        l.status().lessonId(),
                        l.status().personalDue() ? l.status().dueOn() : null));
    }

    public void setOwnDue(StudentLesson lesson) {
        String lessonId = lesson.status().lessonId();
        LocalDate due = ownDue.get(lessonId);
        try {
            assignments.setPersonalDue(currentUser.requireActor(), classId, lessonId, studentId, due);
            Texts.info("student.view.ownDueSaved", getReport().name(), due.toString(), title(lessonId));
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void clearOwnDue(StudentLesson lesson) {
        String lessonId = lesson.status().lessonId();
        try {
            assignments.clearPersonalDue(currentUser.requireActor(), classId, lessonId, studentId);
            Texts.info("student.view.ownDueCleared", getReport().name(), title(lessonId));
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    /** The report, read again after a restored view (it is not kept in the session). */
    public StudentReport getReport() {
        if (report == null) {
            report = progress.forStudentInClass(currentUser.requireActor(), classId, studentId);
        }
        return report;
    }

    public String title(String lessonId) {
        return curriculum.lessonTitle(lessonId, localeBacking.getLanguage());
    }

    public Map<String, LocalDate> getOwnDue() {
        return ownDue;
    }

    public long getClassId() {
        return classId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStudent() {
        return student;
    }

    public void setStudent(String student) {
        this.student = student;
    }
}
