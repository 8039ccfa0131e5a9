package org.dodam.accounts.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Accounts.TemporaryPassword;
import org.dodam.accounts.application.Classes;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.Languages;
import org.dodam.platform.PlatformSettings;

/**
 * {@code /teacher/sign-in-slips?id=<class>[&lang=ko|en]}: the sign-in slips of the temporary passwords this
 * teacher has just given out in this class ({@link IssuedPasswords}), as a PDF. The URL holds no password, and
 * the PDF is not cached. A slip is printed only while its password still works (the student has not chosen
 * their own and no one has reset it again); with none left, or for anyone but the class's teacher, it is 404.
 */
@WebServlet("/teacher/sign-in-slips")
public class SignInSlipsServlet extends HttpServlet {

    @Inject
    CurrentUser currentUser;

    @Inject
    Classes classes;

    @Inject
    Accounts accounts;

    @Inject
    IssuedPasswords issued;

    @Inject
    PlatformSettings platform;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account teacher = currentUser.account().orElse(null);
        String id = request.getParameter("id");
        String language = request.getParameter("lang");
        Classes.ClassDetails schoolClass = teacher == null || id == null || !id.matches("\\d{1,18}")
                ? null
                : classes.ownedBy(currentUser.requireActor(), Long.parseLong(id))
                        .orElse(null);
        if (schoolClass == null || language != null && !Languages.supported(language)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<TemporaryPassword> slips = accounts.stillTemporary(teacher, issued.forClass(schoolClass.id()));
        if (slips.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf = SignInSlips.render(
                slips,
                teacher.school().name(),
                teacher.school().code(),
                platform.publicUrl().toString(),
                language);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"sign-in-slips.pdf\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
