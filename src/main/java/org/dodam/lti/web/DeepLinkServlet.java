package org.dodam.lti.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.domain.Role;
import org.dodam.lti.application.DeepLinkRequest;
import org.dodam.lti.application.DeepLinks;
import org.dodam.lti.application.DeepLinks.Answer;
import org.dodam.platform.DodamException;

/**
 * The lesson picker's post ({@code /lti/deep-link}, same-site only, as every post but the launch's): the teacher's
 * deep linking request is taken out of the session (once), answered with the picked lessons ({@link DeepLinks}), and
 * the page {@code lti-return.xhtml} shows what was chosen with a form that posts the signed answer to the platform.
 * The button is the teacher's: no script posts it. That page's Content-Security-Policy allows forms to post to the
 * platform's return address, and only there. Nothing picked shows the picker again; "cancel" answers with no
 * lessons, as Deep Linking allows. Anyone but a teacher with a request to answer gets 404.
 */
@WebServlet("/lti/deep-link")
public class DeepLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String RETURN_PAGE = "/WEB-INF/lti/deep-link-return.xhtml";
    static final String ANSWER = "dodam.lti.answer";

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient DeepLinks deepLinks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<Actor> teacher = currentUser.actor().filter(a -> a.is(Role.TEACHER));
        DeepLinkRequest asked =
                session == null ? null : (DeepLinkRequest) session.getAttribute(DeepLinkRequest.SESSION_KEY);
        if (teacher.isEmpty() || asked == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean cancel = request.getParameter("cancel") != null;
        List<String> lessons = cancel || request.getParameterValues("lesson") == null
                ? List.of()
                : Arrays.asList(request.getParameterValues("lesson"));
        if (lessons.isEmpty() && !cancel) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + DeepLinks.PICKER + "?none=1");
            return;
        }
        Answer answer;
        try {
            answer = deepLinks.answer(
                    teacher.get(),
                    asked,
                    lessons,
                    teacher.get().locale(),
                    LaunchPages.address(request, LaunchPages.LAUNCH));
        } catch (DodamException refused) {
            response.sendError(
                    refused instanceof DodamException.NotFound
                            ? HttpServletResponse.SC_NOT_FOUND
                            : HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        session.removeAttribute(DeepLinkRequest.SESSION_KEY);
        request.setAttribute(ANSWER, answer);
        request.getRequestDispatcher(RETURN_PAGE)
                .forward(request, WidenedPolicy.formsTo(response, origin(answer.returnUrl())));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
