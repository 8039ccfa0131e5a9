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
 * A student whose password a teacher set or reset chooses their own ({@code student/password.xhtml}), before any
 * other page opens ({@link RoleFolderFilter}). A plain form: it works without JavaScript. The new password is
 * checked for strength and typed twice; it is hashed at once and never shown to anyone. The student's own
 * session carries on under the new credentials version; any other session begun with the teacher's password ends.
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

    public void save() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!password.equals(repeat)) {
            PasswordAdvice.onField(REPEAT, Texts.text("password.choose.mismatch"));
            return;
        }
        Account student;
        try {
            student = accounts.chooseOwnPassword(currentUser.require(), password);
        } catch (WeakPassword weak) {
            PasswordAdvice.explain(FIELD, weak);
            return;
        } catch (DodamException e) {
            Texts.error(e);
            return;
        }
        ExternalContext external = context.getExternalContext();
        CurrentUser.remember(((HttpServletRequest) external.getRequest()).getSession(), student);
        Texts.info("password.choose.done");
        external.redirect(external.getRequestContextPath() + student.homePath());
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
