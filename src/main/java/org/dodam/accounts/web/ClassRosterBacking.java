package org.dodam.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.SchoolClass;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;
import org.omnifaces.util.Faces;

/**
 * One of the teacher's classes: renaming and archiving it, its students (adding, importing, resetting a
 * password, removing from the class) and its assignments (assigning, moving a due date, withdrawing).
 * Another teacher's class id answers 404. Asking before archiving or removing needs no script: the first
 * click only remembers what to confirm, and a repeated confirmation finds nothing left to do.
 */
@Named
@ViewScoped
public class ClassRosterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Classes classes;

    @Inject
    transient Accounts accounts;

    @Inject
    transient CurrentUser currentUser;

    private String idParameter;
    private Long classId;
    private String className;
    private String joinCode;
    private List<StudentRow> students;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String displayName;

    @NotBlank
    @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = "{dodam.username.invalid}")
    private String username;

    @NotBlank
    @Size(min = 8, max = 128, message = "{dodam.password.size}")
    private String password;

    private String resetFor;
    private String temporaryPassword;

    private boolean archived;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String newName;

    private boolean confirmingArchive;
    private StudentRow removing;
    private final java.util.Map<String, java.time.LocalDate> newDue = new java.util.HashMap<>();

    private String toAssign;
    private java.time.LocalDate dueOn;

    @Inject
    transient org.dodam.assignments.application.Assignments assignments;

    @Inject
    transient org.dodam.content.application.Curriculum curriculum;

    @Inject
    transient org.dodam.platform.web.LocaleBacking localeBacking;

    private List<AssignedRow> assigned;

    @Inject
    transient org.dodam.accounts.application.RosterImport rosterImport;

    private transient jakarta.servlet.http.Part csvFile;
    private List<org.dodam.accounts.application.RosterImport.Imported> imported;

    public void load() {
        classId = parseId(idParameter);
        SchoolClass schoolClass = classId == null ? null : classes.ownedBy(currentUser.require(), classId).orElse(null);
        if (schoolClass == null) {
            Faces.responseSendError(404, "");
            return;
        }
        className = schoolClass.name();
        joinCode = schoolClass.joinCode();
        archived = schoolClass.archived();
        newName = className;
        refresh();
    }

    public void rename() {
        try {
            classes.rename(currentUser.require(), classId, newName);
            className = newName.strip();
            newName = className;
            Texts.info("class.renamed", className);
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void askToArchive() {
        confirmingArchive = true;
    }

    public void cancel() {
        confirmingArchive = false;
        removing = null;
    }

    /** Archives the class and goes back to the class list, where it no longer shows. */
    public String archive() {
        try {
            classes.archive(currentUser.require(), classId);
            Texts.info("class.archived", className);
            return "/teacher/index?faces-redirect=true";
        } catch (DodamException e) {
            Texts.error(e);
            return null;
        }
    }

    public void restore() {
        try {
            classes.restore(currentUser.require(), classId);
            archived = false;
            confirmingArchive = false;
            Texts.info("class.restored", className);
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void askToRemove(StudentRow student) {
        removing = student;
    }

    /** Removes the student asked about; a second submit of the same confirmation has nobody left to remove. */
    public void removeStudent() {
        StudentRow student = removing;
        removing = null;
        if (student == null) {
            return;
        }
        try {
            classes.removeStudent(currentUser.require(), classId, student.id());
            Texts.info("roster.removed", student.displayName());
        } catch (DodamException e) {
            Texts.error(e);
        }
        refresh();
    }

    public void changeDue(AssignedRow row) {
        java.time.LocalDate due = newDue.get(row.lessonId());
        try {
            assignments.changeDue(currentUser.require(), classId, row.lessonId(), due);
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

    private void refresh() {
        students = classes.students(currentUser.require(), classId).stream()
                .map(s -> new StudentRow(s.id(), s.displayName(), s.username()))
                .toList();
        String lang = localeBacking.getLanguage();
        assigned = assignments.ofClass(currentUser.require(), classId).stream()
                .map(a -> new AssignedRow(a.lessonId(), curriculum.lessonTitle(a.lessonId(), lang),
                        a.dueOn()))
                .toList();
        newDue.clear();
        assigned.forEach(a -> newDue.put(a.lessonId(), a.dueOn()));
    }

    /** What can be assigned: each student module as a whole, then its lessons one by one. */
    public List<jakarta.faces.model.SelectItem> getAssignable() {
        String lang = localeBacking.getLanguage();
        return curriculum.modules(false).stream().map(module -> {
            List<jakarta.faces.model.SelectItem> items = new java.util.ArrayList<>();
            items.add(new jakarta.faces.model.SelectItem("module:" + module.id(),
                    org.dodam.platform.web.Texts.text("assign.wholeModule", module.title().get(lang))));
            module.lessons().forEach(l -> items.add(new jakarta.faces.model.SelectItem("lesson:" + l.id(), l.title(lang))));
            var group = new jakarta.faces.model.SelectItemGroup(module.title().get(lang));
            group.setSelectItems(items.toArray(jakarta.faces.model.SelectItem[]::new));
            return (jakarta.faces.model.SelectItem) group;
        }).toList();
    }

    public void assign() {
        List<String> lessonIds;
        if (toAssign != null && toAssign.startsWith("module:")) {
            lessonIds = curriculum.module(toAssign.substring(7)).map(m -> m.lessons().stream().map(l -> l.id()).toList())
                    .orElse(List.of());
        } else if (toAssign != null && toAssign.startsWith("lesson:")) {
            lessonIds = List.of(toAssign.substring(7));
        } else {
            lessonIds = List.of();
        }
        try {
            assignments.assign(currentUser.require(), classId, lessonIds, dueOn);
            Texts.info("assign.done", lessonIds.size());
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void withdraw(AssignedRow row) {
        try {
            assignments.withdraw(currentUser.require(), classId, row.lessonId());
            Texts.info("assign.withdrawn", row.title());
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    /** An assigned lesson as the class page lists it. */
    public record AssignedRow(String lessonId, String title, java.time.LocalDate dueOn) implements Serializable {
    }

    public List<AssignedRow> getAssigned() {
        return assigned;
    }

    public String getToAssign() {
        return toAssign;
    }

    public void setToAssign(String toAssign) {
        this.toAssign = toAssign;
    }

    public java.time.LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(java.time.LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public void addStudent() {
        try {
            Account student = accounts.createStudent(currentUser.require(), classId, displayName, username, password);
            Texts.info("roster.studentAdded", student.displayName(), student.username());
            displayName = null;
            username = null;
            password = null;
            refresh();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void resetPassword(StudentRow student) {
        try {
            temporaryPassword = accounts.resetPassword(currentUser.require(), student.id());
            resetFor = student.displayName();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    /** Imports a class list; a file with any problem is refused whole, each problem listed with its line. */
    public void importCsv() {
        if (csvFile == null || csvFile.getSize() == 0) {
            Texts.error("import.empty");
            return;
        }
        try (var reader = new java.io.InputStreamReader(csvFile.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            imported = rosterImport.importStudents(currentUser.require(), classId, withoutByteOrderMark(reader));
            Texts.info("import.done", imported.size());
            refresh();
        } catch (org.dodam.accounts.application.RosterImport.ImportRejected e) {
            Texts.error(e);
            for (var problem : e.problems()) {
                Texts.error("import.line", problem.line(), Texts.text(problem.messageKey()));
            }
        } catch (DodamException e) {
            Texts.error(e);
        } catch (java.io.IOException e) {
            Texts.error("import.unreadable");
        }
    }

    private static java.io.Reader withoutByteOrderMark(java.io.Reader reader) throws java.io.IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    public jakarta.servlet.http.Part getCsvFile() {
        return csvFile;
    }

    public void setCsvFile(jakarta.servlet.http.Part csvFile) {
        this.csvFile = csvFile;
    }

    public List<org.dodam.accounts.application.RosterImport.Imported> getImported() {
        return imported;
    }

    /** A student as the roster shows them. */
    public record StudentRow(long id, String displayName, String username) implements Serializable {
    }

    public String getId() {
        return idParameter;
    }

    public void setId(String id) {
        this.idParameter = id;
    }

    private static Long parseId(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text);
    }

    public Long getClassNumber() {
        return classId;
    }

    public String getClassName() {
        return className;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public List<StudentRow> getStudents() {
        return students;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getResetFor() {
        return resetFor;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public boolean isArchived() {
        return archived;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public boolean isConfirmingArchive() {
        return confirmingArchive;
    }

    public StudentRow getRemoving() {
        return removing;
    }

    public java.util.Map<String, java.time.LocalDate> getNewDue() {
        return newDue;
    }
}
