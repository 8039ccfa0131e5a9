package org.dodam.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Accounts.TemporaryPassword;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.application.RosterImport;
import org.dodam.accounts.application.RosterOrder;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.PagedList;
import org.dodam.platform.web.Texts;
import org.omnifaces.util.Faces;

/**
 * One of the teacher's classes: renaming and archiving it, and its students (adding, importing, resetting a
 * password, removing from the class). Every start password given out here is shown once and kept for a short
 * while in {@link IssuedPasswords}, so that the page can offer it as printable sign-in slips. Another teacher's class id answers 404. The page's assignments
 * belong to the assignments feature (ClassAssignmentsBacking), which gets the class id from here, once
 * checked. Asking before archiving or removing needs no script: the first
 * click only remembers what to confirm, and a repeated confirmation finds nothing left to do.
 *
 * <p>The roster is a {@link PagedList}, a page at a time from the database, in the order and at the page the
 * address names ({@code ?id=7&sort=name-desc&page=2}) for plain links, or PrimeFaces' by Ajax. Unlike the
 * request-scoped inbox, this page keeps its list in the view: a row's button posts back to the rows it was shown
 * on, which PrimeFaces finds again in the list it last loaded, and every change here makes a new list, so that
 * the next render counts and reads the class again.
 */
@Named
@ViewScoped
public class ClassRosterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Students on one page: a whole class of up to 40 at once; a platform course of hundreds, page by page. */
    static final int PAGE_SIZE = 40;

    /** The columns PrimeFaces may sort by (their {@code field}), and the orders ascending and descending. */
    private static final Map<String, List<RosterOrder>> COLUMNS = Map.of(
            "name", List.of(RosterOrder.NAME, RosterOrder.NAME_DESC),
            "username", List.of(RosterOrder.USERNAME, RosterOrder.USERNAME_DESC));

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
    private String page;
    private String sort;
    private transient PagedList<StudentRow> students;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String displayName;

    @NotBlank
    @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = "{dodam.username.invalid}")
    private String username;

    /** A start password the teacher chose; left empty, the server makes one. */
    @Size(min = 8, max = 128, message = "{dodam.password.size}")
    private String password;

    private String passwordFor;
    private String temporaryPassword;

    private boolean archived;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String newName;

    private boolean confirmingArchive;
    private StudentRow removing;

    @Inject
    transient RosterImport rosterImport;

    @Inject
    transient IssuedPasswords issued;

    private transient Part csvFile;
    private List<RosterImport.Imported> imported;

    public void load() {
        Long id = parseId(idParameter);
        Classes.ClassDetails schoolClass = id == null
                ? null
                : classes.ownedBy(currentUser.requireActor(), id).orElse(null);
        if (schoolClass == null) {
            Faces.responseSendError(404, "");
            return;
        }
        classId = id;
        className = schoolClass.name();
        joinCode = schoolClass.joinCode();
        archived = schoolClass.archived();
        newName = className;
    }

    public void rename() {
        try {
            classes.rename(currentUser.requireActor(), classId, newName);
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
            classes.archive(currentUser.requireActor(), classId);
            Texts.info("class.archived", className);
            return "/teacher/index?faces-redirect=true";
        } catch (DodamException e) {
            Texts.error(e);
            return null;
        }
    }

    public void restore() {
        try {
            classes.restore(currentUser.requireActor(), classId);
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
            classes.removeStudent(currentUser.requireActor(), classId, student.id());
            Texts.info("roster.removed", student.displayName());
        } catch (DodamException e) {
            Texts.error(e);
        }
        refresh();
    }

    /** After a change to the class, the roster is counted and read again when it is next shown. */
    private void refresh() {
        students = null;
    }

    /** Adds a student with a start password (the teacher's, or one the server makes), shown once and printable as a slip. */
    public void addStudent() {
        try {
            TemporaryPassword student =
                    accounts.createStudent(currentUser.require(), classId, displayName, username, password);
            issued.add(classId, student);
            temporaryPassword = student.password();
            passwordFor = student.displayName();
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
            TemporaryPassword reset = accounts.resetPassword(currentUser.require(), student.id());
            issued.add(classId, reset);
            temporaryPassword = reset.password();
            passwordFor = student.displayName();
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
        try (var reader = new InputStreamReader(csvFile.getInputStream(), StandardCharsets.UTF_8)) {
            imported = rosterImport.importStudents(currentUser.require(), classId, withoutByteOrderMark(reader));
            imported.forEach(i -> issued.add(classId, i.student()));
            Texts.info("import.done", imported.size());
            refresh();
        } catch (RosterImport.ImportRejected e) {
            Texts.error(e);
            for (var problem : e.problems()) {
                Texts.error("import.line", problem.line(), Texts.text(problem.messageKey()));
            }
        } catch (DodamException e) {
            Texts.error(e);
        } catch (IOException e) {
            Texts.error("import.unreadable");
        }
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    public Part getCsvFile() {
        return csvFile;
    }

    public void setCsvFile(Part csvFile) {
        this.csvFile = csvFile;
    }

    public List<RosterImport.Imported> getImported() {
        return imported;
    }

    /** A student as the roster shows them. */
    public record StudentRow(long id, String displayName, String username) implements Serializable {}

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

    /** The class's students, a page at a time; none before the class is loaded (a page that answers 404). */
    public PagedList<StudentRow> getStudents() {
        if (students == null && classId != null) {
            long id = classId;
            students = new PagedList<>(
                    page,
                    PAGE_SIZE,
                    () -> classes.studentCount(currentUser.requireActor(), id),
                    (first, size, sortBy) -> classes
                            .studentsPage(
                                    currentUser.requireActor(),
                                    id,
                                    PagedList.order(sortBy, COLUMNS, getOrder()),
                                    first,
                                    size)
                            .stream()
                            .map(s -> new StudentRow(s.id(), s.displayName(), s.username()))
                            .toList());
        }
        return students;
    }

    /** The order of the address's {@code sort}, or by name. */
    public RosterOrder getOrder() {
        return PagedList.parse(RosterOrder.class, sort, RosterOrder.NAME);
    }

    public List<RosterOrder> getOrders() {
        return List.of(RosterOrder.values());
    }

    /** The class and an order, as {@code name=value&} each, the order left out when it is the default, for links. */
    public String query(RosterOrder order) {
        return "id=" + classId + "&" + (order == RosterOrder.NAME ? "" : "sort=" + PagedList.param(order) + "&");
    }

    /** This page's class and order as {@link #query} writes them, for the pager's links. */
    public String getQuery() {
        return query(getOrder());
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
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

    public String getPasswordFor() {
        return passwordFor;
    }

    /** Whether sign-in slips can be printed: start passwords given out in this class in the last half hour. */
    public boolean isSlipsReady() {
        return classId != null && !issued.forClass(classId).isEmpty();
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
}
