package org.dodam.content.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.ModuleEntry;

/** The catalogue of modules and lessons the signed-in person may open; staff also see the staff module. */
@Named
@RequestScoped
public class CurriculumBacking {

    @Inject
    Curriculum curriculum;

    @Inject
    CurrentUser currentUser;

    public List<ModuleEntry> getModules() {
        return curriculum.modules(currentUser.requireActor().isStaff());
    }
}
