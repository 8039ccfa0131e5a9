package org.dodam.lessons.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.application.LessonRenderer;
import org.dodam.content.application.LessonRenderer.RenderedSection;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentModel.Reference;
import org.dodam.lessons.application.LessonPlayer;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.platform.web.Texts;
import org.omnifaces.util.Faces;

/**
 * One lesson in the reader's language, for their school's country. Teacher notes and the quiz's answer
 * key are rendered for staff only; a student asking for a staff lesson gets 404.
 *
 * <p>The page only links onwards, so its view is stateless and this bean lives for one request: a
 * student's session keeps nothing per lesson page opened, and pages opened at once in many tabs never
 * push each other's views out of the session. The page has no form, so it reads its two parameters
 * straight from the request and loads while its view is built: view parameters and a view action cost a
 * lesson page about a tenth of its time, and OmniFaces' {@code @Param} (a stack walk per field on Payara) more.
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

    @Inject
    LessonPlayer player;

    private String id;
    private LessonPlayer.Position position;
    private LessonEntry lesson;
    private List<RenderedSection> sections;
    private boolean staff;
    private String country;

    /**
     * Loads the lesson when the page first asks for this bean, while its view is being built, so that the
     * student page can leave out at build time what the part on screen does not show.
     */
    @PostConstruct
    void load() {
        id = Faces.getRequestParameter("id");
        Actor viewer = currentUser.requireActor();
        staff = viewer.isStaff();
        lesson = curriculum.lesson(id).filter(l -> staff || !l.forStaff()).orElse(null);
        if (lesson == null) {
            return;
        }
        country = currentUser.getSchoolCountry();
        if (!staff) {
            position = player.open(viewer, id, parseSection(Faces.getRequestParameter("section")));
        }
    }

    /** Before the page renders (preRenderView): an unknown lesson, or a staff lesson for a student, is 404. */
    public void answerIfMissing() {
        if (lesson == null) {
            Faces.responseSendError(404, "");
        }
    }

    public boolean isFound() {
        return lesson != null;
    }

    private static Integer parseSection(String text) {
        return text != null && text.matches("\\d{1,3}") ? Integer.valueOf(text) - 1 : null;
    }

    /**
     * For students: the part on screen, 1-based. The page reads the position through properties, not the
     * {@link LessonPlayer.Position} record's methods: EL looks a method call up by reflection each time.
     */
    public int getPart() {
        return position.section() + 1;
    }

    public int getParts() {
        return position.total();
    }

    public boolean isLastPart() {
        return getPart() == getParts();
    }

    public boolean isQuizPassed() {
        return position.quizPassed();
    }

    public RenderedSection getCurrent() {
        return position == null ? null : getSections().get(position.section());
    }

    public int getProgressPercent() {
        return getPart() * 100 / getParts();
    }

    public int getMinutesLeft() {
        int remaining = position.total() - position.section() - 1;
        return (int) Math.ceil((double) lesson.minutes() * remaining / position.total());
    }

    /** "Part 2 of 5 · about 6 min left", in the reader's language. */
    public String getPositionText() {
        return Texts.text("lesson.position", getPart(), getParts(), getMinutesLeft());
    }

    public String getQuizPassedText() {
        return Texts.text("lesson.quizPassed", position.bestScore());
    }

    public boolean isDecisionHere() {
        return position != null && getDecisionAfter() == position.section();
    }

    /** The reader's language, or the one the lesson stands in with when it has no translation into it. */
    private String locale() {
        return lesson == null ? localeBacking.getLanguage() : lesson.language(localeBacking.getLanguage());
    }

    private LessonText text() {
        return lesson.text(locale());
    }

    public String getTitle() {
        return text().title();
    }

    public int getMinutes() {
        return lesson.minutes();
    }

    public boolean isRetired() {
        return lesson != null && lesson.retired();
    }

    public boolean isStaff() {
        return staff;
    }

    public String getModuleTitle() {
        return curriculum.module(lesson.moduleId()).map(m -> m.title(locale())).orElse("");
    }

    /**
     * The lesson's line on what it is about, shown with the standard note (students may stop; where to get
     * help) at the top of the first part; null when the lesson has none (only upper-elementary lessons may not).
     */
    public String getContentNote() {
        return lesson == null ? null : text().contentNote();
    }

    public List<String> getObjectives() {
        return lesson == null ? List.of() : text().objectives();
    }

    public List<RenderedSection> getSections() {
        if (sections == null) {
            sections = lesson == null
                    ? List.of()
                    : renderer.render(lesson, locale(), country).stream()
                            .filter(s -> staff || !s.teacherNotes())
                            .toList();
        }
        return sections;
    }

    /**
     * A section's heading as the page shows it. Teacher notes are marked with the label of the person they
     * address: the class teacher in a student lesson, the person running the session in a staff-training
     * lesson ("For the facilitator"), whose reader is not teaching a class. The label is not repeated when the
     * authored heading already is that label, as it usually is ("## For the teacher").
     */
    public String heading(RenderedSection section) {
        if (!section.teacherNotes()) {
            return section.heading();
        }
        String label = Texts.text(lesson.forStaff() ? "lesson.facilitatorNotes" : "lesson.teacherNotes");
        return section.heading().equals(label) ? label : label + ": " + section.heading();
    }

    /** The index of the first teacher-notes section (the dashboard links straight to it), or -1. */
    public int getTeacherNotesAt() {
        List<RenderedSection> sections = getSections();
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).teacherNotes()) {
                return i;
            }
        }
        return -1;
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
        return staff && lesson != null ? lesson.document().questions() : List.of();
    }

    public List<Reference> getReferences() {
        return lesson == null ? List.of() : lesson.document().references();
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
}
