package org.dodam.content.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.application.Curriculum.ModuleEntry;

/**
 * Which letters to families a page offers: the class page offers the letter of each module that has a lesson
 * assigned to the class, whether the whole module or one lesson of it was assigned, since a letter speaks of the
 * module's themes. The links themselves are in {@code /WEB-INF/includes/family-letter-links.xhtml}.
 */
@Named
@RequestScoped
public class FamilyLetterBacking {

    @Inject
    Curriculum curriculum;

    /** The students' modules of these lessons that have letters, in the curriculum's order. */
    public List<ModuleEntry> modulesOf(Collection<String> lessonIds) {
        if (lessonIds == null || lessonIds.isEmpty()) {
            return List.of();
        }
        Set<String> moduleIds = lessonIds.stream()
                .map(curriculum::lesson)
                .flatMap(Optional::stream)
                .map(LessonEntry::moduleId)
                .collect(Collectors.toSet());
        return curriculum.modules(false).stream()
                .filter(m -> moduleIds.contains(m.id()) && m.hasFamilyLetters())
                .toList();
    }
}
