package org.dodam.accounts.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.Role;

/**
 * Deny by default for the role folders: a signed-in person who opens another role's folder gets 404,
 * so restricted pages do not even reveal that they exist. (web.xml has already sent anonymous visitors
 * to the sign-in page.) The role is read from the account itself, which the page then reuses, so a
 * suspended account loses access at once; the container's isUserInRole answered false now and then
 * under concurrent sign-ins on Payara Micro, which made signed-in students see 404.
 *
 * <p>A counsellor the admin proposed and no counsellor has confirmed yet reaches one page of the folder, the
 * waiting page, its home page ({@link Account#homePath}); the inbox and every case, statistics, audit or
 * curriculum page answer 404. Someone whose password another person set or reset (a student's teacher; for staff
 * the admin, a counsellor or the operator) is sent from every page of the folder to the one where they choose their
 * own ({@link Account#choosePasswordPage}): a student's ({@link Account#CHOOSE_PASSWORD_PAGE}) answers 404 to
 * everyone else, while staff's is their folder's password page, where they otherwise change it.
 */
@WebFilter(urlPatterns = {"/student/*", "/teacher/*", "/counsellor/*", "/admin/*"})
public class RoleFolderFilter extends HttpFilter {

    /** The one page a counsellor awaiting confirmation may open, and only such a counsellor. */
    static final String AWAITING_PAGE = Account.AWAITING_CONFIRMATION_PAGE;

    /** The one page a student who must choose their own password may open, and only such a student. */
    static final String CHOOSE_PASSWORD_PAGE = Account.CHOOSE_PASSWORD_PAGE;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        Account account = currentUser.account().orElse(null);
        Role role = account == null ? null : account.role();
        if (account != null
                && account.mustChoosePassword()
                && !account.awaitingConfirmation() // a proposed counsellor has the waiting page only, as ever
                && !path.equals(account.choosePasswordPage())) {
            // Nothing else opens until they have chosen their own password: every page of theirs leads there.
            response.sendRedirect(request.getContextPath() + account.choosePasswordPage());
        } else if (account != null && account.awaitingConfirmation()
                ? path.equals(AWAITING_PAGE)
                : role != null
                        && path.startsWith("/" + role.folder() + "/")
                        && !path.equals(AWAITING_PAGE)
                        && (!path.equals(CHOOSE_PASSWORD_PAGE) || account.mustChoosePassword())) {
            chain.doFilter(request, response);
        } else if (account == null && request.getAttribute(CurrentUser.SESSION_ENDED) != null) {
            // A session past its absolute lifetime: to the sign-in page, which says why, and back here after.
            response.sendRedirect(request.getContextPath() + "/login.xhtml?ended=true");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
