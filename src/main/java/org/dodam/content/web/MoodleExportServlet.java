package org.dodam.content.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.MoodleExport;
import org.dodam.content.application.MoodleExport.LessonQuiz;
import org.dodam.platform.Languages;

/** Teachers download a module's quizzes as Moodle XML, in any language Dodam speaks (/teacher/ is teachers only). */
@WebServlet("/teacher/moodle-export")
public class MoodleExportServlet extends HttpServlet {

    @Inject
    Curriculum curriculum;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String locale = Languages.orDefault(request.getParameter("lang"));
        var module = curriculum.module(request.getParameter("module")).orElse(null);
        if (module == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String xml = MoodleExport.quizXml(
                module.title(locale),
                module.lessons().stream()
                        .map(l -> new LessonQuiz(l.title(locale), l.document().questions()))
                        .toList(),
                locale);
        response.setContentType("application/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"dodam-" + module.id() + "-" + locale + ".xml\"");
        response.getWriter().write(xml);
    }
}
