package org.dodam.quizzes.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.platform.web.Texts;
import org.dodam.quizzes.application.QuizTaking;
import org.dodam.quizzes.application.QuizTaking.Answered;
import org.dodam.quizzes.application.QuizTaking.QuizState;
import org.omnifaces.util.Faces;

/**
 * The quiz page: one question at a time with native radio buttons or check boxes in a plain form, which
 * works without JavaScript. The options come in the attempt's own order under opaque tokens (see
 * {@link org.dodam.quizzes.domain.OptionTokens}), so the page never says which option is which. The page
 * only ever receives the feedback of questions already answered; after each answer it redirects (PRG), so
 * refreshing or going back never submits twice.
 */
@Named
@ViewScoped
public class QuizBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient QuizTaking quizTaking;

    @Inject
    transient Curriculum curriculum;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient LocaleBacking localeBacking;

    private String id;
    private String checked;
    private QuizState state;
    private transient LessonEntry lesson;

    /** The question views built for {@link #state}: a render reads them many times, they are built once. */
    private transient QuizState viewsOf;

    private transient QuestionView current;
    private transient QuestionView checkedView;

    public void load() {
        state = quizTaking.state(currentUser.requireActor(), id);
    }

    /** The lesson, looked up again after the view was restored (it is not kept in the view state). */
    private LessonEntry lesson() {
        if (lesson == null && id != null) {
            lesson = curriculum.lesson(id).orElse(null);
        }
        return lesson;
    }

    /** Nothing to show: the lesson was not found, or the view is being restored for an action. */
    private boolean empty() {
        return state == null || lesson() == null;
    }

    public void answer() throws IOException {
        String questionId = Faces.getRequestParameter("question");
        int attempt = parseInt(Faces.getRequestParameter("attempt"));
        String[] chosen = Faces.getRequestParameterValues("choice");
        try {
            QuizState after = quizTaking.answer(
                    currentUser.requireActor(),
                    id,
                    attempt,
                    questionId,
                    chosen == null ? List.of() : Arrays.asList(chosen));
            boolean showNow = "each".equals(feedbackMode()) || after.finished();
            Faces.redirect(
                    "student/quiz.xhtml?id=%s" + (showNow && !after.finished() ? "&checked=%s" : ""), id, questionId);
        } catch (DodamException e) {
            if (e instanceof DodamException.NotFound) {
                throw e; // a 404, answered in one place (PrivateExceptionHandlerFactory)
            }
            Texts.error(e);
            Faces.redirect("student/quiz.xhtml?id=%s", id);
        }
    }

    public void retake() throws IOException {
        quizTaking.retake(currentUser.requireActor(), id);
        Faces.redirect("student/quiz.xhtml?id=%s", id);
    }

    private static int parseInt(String text) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
    }

    private String feedbackMode() {
        return curriculum.lesson(id).map(LessonEntry::feedbackMode).orElse("each");
    }

    /** The reader's language, or the one the lesson's quiz stands in with when it has no translation into it. */
    private String lang() {
        LessonEntry lesson = lesson();
        return lesson == null ? localeBacking.getLanguage() : lesson.language(localeBacking.getLanguage());
    }

    public QuizState getState() {
        return state;
    }

    public String getLessonTitle() {
        return lesson() == null ? "" : lesson().title(lang());
    }

    /** The first unanswered question of an open attempt, or null when the attempt is finished. */
    public QuestionView getCurrent() {
        buildViews();
        return current;
    }

    /** The question just answered, when its feedback is to be shown now ("each" mode). */
    public QuestionView getCheckedQuestion() {
        buildViews();
        return checkedView;
    }

    private void buildViews() {
        if (viewsOf == state && state != null) {
            return;
        }
        current = null;
        checkedView = null;
        viewsOf = state;
        if (empty() || state.finished()) {
            return;
        }
        List<Question> questions = lesson().document().questions();
        for (int i = 0; i < questions.size(); i++) {
            String questionId = questions.get(i).id();
            if (current == null && !state.answered().containsKey(questionId)) {
                current = view(questions.get(i), i);
            }
            if (questionId.equals(checked) && state.answered().containsKey(questionId)) {
                checkedView = view(questions.get(i), i);
            }
        }
    }

    /** Every question with the student's answers and feedback, once the attempt is finished. */
    public List<QuestionView> getResults() {
        if (empty() || !state.finished()) {
            return List.of();
        }
        List<Question> questions = lesson().document().questions();
        return java.util.stream.IntStream.range(0, questions.size())
                .mapToObj(i -> view(questions.get(i), i))
                .toList();
    }

    public int getAnsweredCount() {
        return state == null ? 0 : state.answered().size();
    }

    public int getProgressPercent() {
        return state == null || state.questionCount() == 0
                ? 0
                : state.answered().size() * 100 / state.questionCount();
    }

    private QuestionView view(Question question, int index) {
        Answered answered = state.answered().get(question.id());
        Map<String, Option> byId = question.options().stream().collect(Collectors.toMap(Option::id, o -> o));
        List<OptionView> options = state.options().get(question.id()).stream()
                .map(t -> option(t.token(), byId.get(t.optionId()), answered))
                .toList();
        return new QuestionView(
                question.id(),
                index + 1,
                "multiple".equals(question.type()),
                question.scenario().getOrDefault(lang(), ""),
                question.prompt().get(lang()),
                options,
                answered != null,
                answered != null && answered.correct());
    }

    private OptionView option(String token, Option option, Answered answered) {
        boolean chosen = answered != null && answered.chosen().contains(option.id());
        // Feedback and correctness leave the server only for questions already answered.
        return new OptionView(
                token,
                option.text().get(lang()),
                chosen,
                answered != null && option.correct(),
                answered != null && (chosen || option.correct())
                        ? option.feedback().get(lang())
                        : null);
    }

    /** A question as the page shows it. */
    public record QuestionView(
            String id,
            int number,
            boolean multiple,
            String scenario,
            String prompt,
            List<OptionView> options,
            boolean answered,
            boolean correct) {}

    /**
     * An option under its token for this attempt, never its authored id; {@code correct} and {@code feedback}
     * are only filled in after the question is answered.
     */
    public record OptionView(String token, String text, boolean chosen, boolean correct, String feedback) {}

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCheckedId() {
        return checked;
    }

    public void setCheckedId(String checked) {
        this.checked = checked;
    }
}
