package org.dodam.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.progress.application.ClassProgress;
import org.dodam.progress.application.ClassProgress.StudentOverview;

/** The student's home: their classes, what is assigned to them (due first) and how far they are. */
@Named
@RequestScoped
public class StudentHomeBacking {

    @Inject
    Classes classes;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClassProgress progress;

    @Inject
    Curriculum curriculum;

    @Inject
    LocaleBacking localeBacking;

    private List<String> classNames;
    private StudentOverview overview;

    public List<String> getClassNames() {
        if (classNames == null) {
            classNames = classes.classesOf(currentUser.requireActor()).stream()
                    .map(c -> c.name())
                    .toList();
        }
        return classNames;
    }

    public StudentOverview getOverview() {
        if (overview == null) {
            overview = progress.forStudent(currentUser.requireActor());
        }
        return overview;
    }

    public String title(String lessonId) {
        return curriculum.lessonTitle(lessonId, localeBacking.getLanguage());
    }
}
