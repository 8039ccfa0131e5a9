package org.dodam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;

/** A student in the browser working through lessons, with the answer key read from course-content/. */
public final class Learner {

    private static List<LessonDoc> lessons;

    private Learner() {}

    public static synchronized LessonDoc lesson(String id) {
        if (lessons == null) {
            lessons = CourseContentReader.read(Path.of("course-content")).modules().stream()
                    .flatMap(m -> m.lessons().stream())
                    .toList();
        }
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /** Opens every part of the lesson in turn, as the Next button does. */
    public static void readAll(Page page, DodamServer server, String lessonId) {
        page.navigate(
                server.uri("student/lesson.xhtml?id=" + lessonId + "&section=1").toString());
        while (page.locator("#next").count() > 0) {
            page.waitForNavigation(() -> page.click("#next"));
        }
    }

    /** Answers the whole quiz from its start page, rightly or wrongly. */
    public static void answerAll(Page page, DodamServer server, String lessonId, boolean right, String lang) {
        page.navigate(server.uri("student/quiz.xhtml?id=" + lessonId).toString());
        for (Question question : lesson(lessonId).quiz().questions()) {
            choose(page, question, right, lang);
            page.waitForNavigation(() -> page.click("[id='quiz:submit']"));
            if (page.locator("#nextQuestion").count() > 0) {
                assertThat(page.locator("#feedbackTitle").innerText())
                        .isEqualTo(
                                right
                                        ? ("en".equals(lang) ? "Right." : "맞아요.")
                                        : ("en".equals(lang) ? "Not quite." : "아쉬워요."));
                page.waitForNavigation(() -> page.click("#nextQuestion"));
            }
        }
    }

    /** Ticks the right options (all of them for multiple choice) or one wrong one, by their visible text. */
    public static void choose(Page page, Question question, boolean right, String lang) {
        List<Option> options =
                question.options().stream().filter(o -> o.correct() == right).toList();
        for (Option option : right ? options : options.subList(0, 1)) {
            page.getByLabel(option.text().get(lang), new Page.GetByLabelOptions().setExact(true))
                    .check();
        }
    }
}
