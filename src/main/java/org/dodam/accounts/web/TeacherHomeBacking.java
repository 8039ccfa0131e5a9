package org.dodam.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.util.List;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;

/** The teacher's home: their classes, with join codes, a form to start a new class, and the archived classes. */
@Named
@ViewScoped
public class TeacherHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Classes classes;

    @Inject
    transient CurrentUser currentUser;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String newClassName;

    private List<Classes.ClassSummary> myClasses;
    private List<Classes.ClassSummary> archivedClasses;

    public List<Classes.ClassSummary> getMyClasses() {
        if (myClasses == null) {
            myClasses = classes.of(currentUser.requireActor());
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

    public String getNewClassName() {
        return newClassName;
    }

    public void setNewClassName(String newClassName) {
        this.newClassName = newClassName;
    }
}
