package org.dodam.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.application.PasswordStrength.WeakPassword;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;

/**
 * Someone whose password another person set or reset chooses their own, before any other page opens
 * ({@link RoleFolderFilter}): a student on {@code student/password.xhtml}, staff on their folder's password page,
 * which shows this form instead of the change form until then ({@code WEB-INF/includes/choose-password.xhtml}).
 * A plain form: it works without JavaScript. The new password is checked for strength (by role) and typed twice;
 * it is hashed at once and never shown to anyone. The person's own session carries on under the new credentials
 * version; any other session begun with the given password ends.
 */
@Named
@RequestScoped
public class ChoosePasswordBacking {

    static final String FIELD = "choose:password";
    static final String REPEAT = "choose:repeat";

    @NotBlank
    @Size(min = 8, max = 128, message = "{dodam.password.size}")
    private String password;

    @NotBlank
    private String repeat;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser currentUser;

    /**
     * Whether a staff password page shows this form rather than the change form: while the person must choose,
     * and for this form's own post, so that a second click after the first one saved leads home instead of
     * showing the change form.
     */
    public boolean isShown() {
        return currentUser.account().map(Account::mustChoosePassword).orElse(false)
                || FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestParameterMap()
                        .containsKey("choose");
    }

    public void save() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        if (!password.equals(repeat)) {
            PasswordAdvice.onField(REPEAT, Texts.text("password.choose.mismatch"));
            return;
        }
        Account chosen;
        try {
            chosen = accounts.chooseOwnPassword(currentUser.require(), password);
        } catch (WeakPassword weak) {
            PasswordAdvice.explain(FIELD, weak);
            return;
        } catch (DodamException e) {
            if (e.messageKey().equals("password.choose.notNeeded")) {
                // Sent twice: the first one saved it. Home, as after the first.
                Texts.info("password.choose.done");
                external.redirect(
                        external.getRequestContextPath() + currentUser.require().homePath());
                return;
            }
            Texts.error(e);
            return;
        }
        // The same session carries on (sign-in gave it a new id already): a second click finds it, and goes home.
        CurrentUser.remember(((HttpServletRequest) external.getRequest()).getSession(), chosen);
        Texts.info("password.choose.done");
        external.redirect(external.getRequestContextPath() + chosen.homePath());
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
