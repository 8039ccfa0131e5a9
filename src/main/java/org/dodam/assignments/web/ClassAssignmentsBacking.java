package org.dodam.assignments.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.assignments.application.Assignments;
import org.dodam.content.application.Curriculum;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.platform.web.Texts;

/**
 * The assignments part of a teacher's class page: assigning a module or a lesson with a due date, moving
 * a due date, withdrawing. The class page's roster bean checks that the class is the teacher's and hands
 * over its id ({@link #load(Long)}); every change goes through {@link Assignments}, which checks it again.
 */
@Named
@ViewScoped
public class ClassAssignmentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MODULE = "module:";
    private static final String LESSON = "lesson:";

    @Inject
    transient Assignments assignments;

    @Inject
    transient Curriculum curriculum;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient LocaleBacking localeBacking;

    private Long classId;
    private List<AssignedRow> assigned = List.of();
    private final Map<String, LocalDate> newDue = new HashMap<>();
    private String toAssign;
    private LocalDate dueOn;

    /** Shows the class's assignments; {@code null} when the class page already answered 404. */
    public void load(Long classId) {
        this.classId = classId;
        if (classId != null) {
            refresh();
        }
    }

    /** What can be assigned: each student module as a whole, then its lessons one by one. */
    public List<SelectItem> getAssignable() {
        String lang = localeBacking.getLanguage();
        return curriculum.modules(false).stream()
                .map(module -> {
                    List<SelectItem> items = new ArrayList<>();
                    items.add(
                            new SelectItem(MODULE + module.id(), Texts.text("assign.wholeModule", module.title(lang))));
                    module.lessons().forEach(l -> items.add(new SelectItem(LESSON + l.id(), l.title(lang))));
                    SelectItemGroup group = new SelectItemGroup(module.title(lang));
                    group.setSelectItems(items.toArray(SelectItem[]::new));
                    return (SelectItem) group;
                })
                .toList();
    }

    public void assign() {
        List<String> lessonIds;
        if (toAssign != null && toAssign.startsWith(MODULE)) {
            lessonIds = curriculum
                    .module(toAssign.substring(MODULE.length()))
                    .map(m ->
                            m.lessons().stream().map(Curriculum.LessonEntry::id).toList())
                    .orElse(List.of());
        } else if (toAssign != null && toAssign.startsWith(LESSON)) {
            lessonIds = List.of(toAssign.substring(LESSON.length()));
        } else {
            lessonIds = List.of();
        }
        try {
            assignments.assign(currentUser.requireActor(), classId, lessonIds, dueOn);
            Texts.info("assign.done", lessonIds.size());
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void changeDue(AssignedRow row) {
        LocalDate due = newDue.get(row.lessonId());
        try {
            assignments.changeDue(currentUser.requireActor(), classId, row.lessonId(), due);
            if (due == null) {
                Texts.info("assign.dueRemoved", row.title());
            } else {
                Texts.info("assign.dueChanged", row.title(), due.toString());
            }
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void withdraw(AssignedRow row) {
        try {
            assignments.withdraw(currentUser.requireActor(), classId, row.lessonId());
            Texts.info("assign.withdrawn", row.title());
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    private void refresh() {
        String lang = localeBacking.getLanguage();
        assigned = assignments.ofClass(currentUser.requireActor(), classId).stream()
                .map(a -> new AssignedRow(a.lessonId(), curriculum.lessonTitle(a.lessonId(), lang), a.dueOn()))
                .toList();
        newDue.clear();
        assigned.forEach(a -> newDue.put(a.lessonId(), a.dueOn()));
    }

    /** An assigned lesson as the class page lists it. */
    public record AssignedRow(String lessonId, String title, LocalDate dueOn) implements Serializable {}

    public List<AssignedRow> getAssigned() {
        return assigned;
    }

    /** The assigned lessons' ids: the page offers the letter to families of each of their modules. */
    public List<String> getAssignedLessonIds() {
        return assigned == null
                ? List.of()
                : assigned.stream().map(AssignedRow::lessonId).toList();
    }

    public Map<String, LocalDate> getNewDue() {
        return newDue;
    }

    public String getToAssign() {
        return toAssign;
    }

    public void setToAssign(String toAssign) {
        this.toAssign = toAssign;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }
}
