package org.dodam.content.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.domain.Role;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.ModuleEntry;
import org.dodam.platform.Languages;
import org.dodam.platform.SchoolClock;

/**
 * A students' module's letter to families as a PDF: {@code /teacher/family-letter?module=<id>&lang=<language>}.
 * The language is the letter's, not the page's: a teacher reading Dodam in English may print the Korean letter
 * for a family that reads Korean. The letter carries the teacher's school, its country's help routes and the
 * school's date of today. Teachers only, like everything under /teacher/ ({@code RoleFolderFilter} answers 404
 * to other roles and sends visitors who are not signed in to sign in); a module that is unknown, retired, for
 * staff or without letters, and any other language, answer 404 too.
 */
@WebServlet("/teacher/family-letter")
public class FamilyLetterServlet extends HttpServlet {

    @Inject
    Curriculum curriculum;

    @Inject
    CurrentUser currentUser;

    @Inject
    SchoolClock schoolClock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String locale = request.getParameter("lang");
        Actor teacher = currentUser.actor().filter(a -> a.is(Role.TEACHER)).orElse(null);
        ModuleEntry module = curriculum
                .module(request.getParameter("module"))
                .filter(m -> !m.forStaff())
                .orElse(null);
        String markdown = teacher == null || module == null || !Languages.supported(locale)
                ? null
                : module.familyLetter(locale).orElse(null);
        if (markdown == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf = FamilyLetterPdf.render(new FamilyLetterPdf.Letter(
                locale,
                module.title(locale),
                markdown,
                curriculum.help(currentUser.getSchoolCountry()).orElse(null),
                currentUser.getSchoolName(),
                schoolClock.today()));
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"dodam-family-letter-" + module.id() + "-" + locale + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
