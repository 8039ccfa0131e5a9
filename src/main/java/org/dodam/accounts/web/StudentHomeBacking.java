package org.dodam.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;

/** What the student's home shows about their classes. */
@Named
@RequestScoped
public class StudentHomeBacking {

    @Inject
    Classes classes;

    @Inject
    CurrentUser currentUser;

    private List<String> classNames;

    public List<String> getClassNames() {
        if (classNames == null) {
            classNames = classes.classesOf(currentUser.require()).stream().map(c -> c.name()).toList();
        }
        return classNames;
    }
}
