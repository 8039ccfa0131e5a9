package org.dodam.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.ClassOrder;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.PagedList;
import org.dodam.platform.web.Texts;

/**
 * The teacher's home: their classes, with join codes, a form to start a new class, and the archived classes. The
 * classes are a {@link PagedList}, a page at a time from the database, in the order and at the page the address
 * names ({@code ?sort=size-desc&page=2}) for plain links, or PrimeFaces' by Ajax. The list is kept in the view,
 * as on the class page, and made anew when a class is started, so that the next render counts the classes again.
 */
@Named
@ViewScoped
public class TeacherHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The columns PrimeFaces may sort by (their {@code field}), and the orders ascending and descending. */
    private static final Map<String, List<ClassOrder>> COLUMNS = Map.of(
            "name", List.of(ClassOrder.NAME, ClassOrder.NAME_DESC),
            "students", List.of(ClassOrder.SIZE, ClassOrder.SIZE_DESC));

    @Inject
    transient Classes classes;

    @Inject
    transient CurrentUser currentUser;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String newClassName;

    private String page;
    private String sort;
    private transient PagedList<Classes.ClassSummary> myClasses;
    private List<Classes.ClassSummary> archivedClasses;

    public PagedList<Classes.ClassSummary> getMyClasses() {
        if (myClasses == null) {
            myClasses = new PagedList<>(
                    page,
                    () -> classes.classCount(currentUser.requireActor()),
                    (first, size, sortBy) -> classes.classesPage(
                            currentUser.requireActor(), PagedList.order(sortBy, COLUMNS, getOrder()), first, size));
        }
        return myClasses;
    }

    public List<Classes.ClassSummary> getArchivedClasses() {
        if (archivedClasses == null) {
            archivedClasses = classes.archivedOf(currentUser.requireActor());
        }
        return archivedClasses;
    }

    public void createClass() {
        try {
            classes.create(currentUser.requireActor(), newClassName);
            Texts.info("teacher.classCreated", newClassName.strip());
            newClassName = null;
            myClasses = null;
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    /** The order of the address's {@code sort}, or by name. */
    public ClassOrder getOrder() {
        return PagedList.parse(ClassOrder.class, sort, ClassOrder.NAME);
    }

    public List<ClassOrder> getOrders() {
        return List.of(ClassOrder.values());
    }

    /** An order as {@code sort=value&}, or nothing for the default, for links. */
    public String query(ClassOrder order) {
        return order == ClassOrder.NAME ? "" : "sort=" + PagedList.param(order) + "&";
    }

    /** This page's order as {@link #query} writes it, for the pager's links. */
    public String getQuery() {
        return query(getOrder());
    }

    public String getNewClassName() {
        return newClassName;
    }

    public void setNewClassName(String newClassName) {
        this.newClassName = newClassName;
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
}
