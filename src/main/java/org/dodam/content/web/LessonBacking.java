package org.dodam.content.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.domain.Account;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.application.LessonRenderer;
import org.dodam.content.application.LessonRenderer.RenderedSection;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentModel.Reference;
import org.dodam.platform.web.LocaleBacking;
import org.omnifaces.util.Faces;

/**
 * One lesson in the reader's language, for their school's country. Teacher notes and the quiz's answer
 * key are rendered for staff only; a student asking for a staff lesson gets 404.
 */
@Named
@RequestScoped
public class LessonBacking {

    @Inject
    Curriculum curriculum;

    @Inject
    LessonRenderer renderer;

    @Inject
    CurrentUser currentUser;

    @Inject
    LocaleBacking localeBacking;

    private String id;
    private LessonEntry lesson;
    private boolean staff;
    private String country;

    public void load() {
        Account viewer = currentUser.require();
        staff = viewer.role().isStaff();
        lesson = curriculum.lesson(id).filter(l -> staff || !l.forStaff()).orElse(null);
        if (lesson == null) {
            Faces.responseSendError(404, "");
            return;
        }
        country = viewer.school().country();
    }

    private String locale() {
        return localeBacking.getLanguage();
    }

    private LessonText text() {
        return lesson.document().texts().get(locale());
    }

    public String getTitle() {
        return text().title();
    }

    public int getMinutes() {
        return lesson.minutes();
    }

    public boolean isRetired() {
        return lesson.retired();
    }

    public boolean isStaff() {
        return staff;
    }

    public String getModuleTitle() {
        return curriculum.module(lesson.moduleId()).map(m -> m.title().get(locale())).orElse("");
    }

    public List<String> getObjectives() {
        return text().objectives();
    }

    public List<RenderedSection> getSections() {
        return renderer.render(lesson, locale(), country).stream().filter(s -> staff || !s.teacherNotes()).toList();
    }

    /** The index of the first scenario section, after which the decision is shown. */
    public int getDecisionAfter() {
        List<RenderedSection> sections = getSections();
        for (int i = 0; i < sections.size(); i++) {
            if ("scenario".equals(sections.get(i).kind())) {
                return i;
            }
        }
        return 0;
    }

    public Question getDecision() {
        return lesson.document().decision();
    }

    /** The quiz with its answers, for staff only: students must never receive the answer key. */
    public List<Question> getAnswerKey() {
        return staff ? lesson.document().questions() : List.of();
    }

    public List<Reference> getReferences() {
        return lesson.document().references();
    }

    public CountryHelp getHelp() {
        return curriculum.help(country).orElse(null);
    }

    public String getLanguage() {
        return locale();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
