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
import java.time.Duration;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.application.PasswordStrength.WeakPassword;
import org.dodam.accounts.application.SignInBudgets;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.ClientAddress;
import org.dodam.platform.web.Texts;

/**
 * A teacher, counsellor or school admin changes their own password ({@code teacher/password.xhtml} and its twins
 * in the other staff folders, one include). The current password is asked for first, and a wrong one counts
 * against the sign-in failure budgets ({@link SignInBudgets}) of this client and account, so an open session
 * cannot be used to guess it faster than the sign-in page allows. The new password is typed twice and judged
 * like every password staff choose. A plain form: it works without JavaScript. Afterwards this session carries
 * on under a new id and the new credentials version; every other session ends.
 */
@Named
@RequestScoped
public class ChangePasswordBacking {

    static final String CURRENT = "change:current";
    static final String FIELD = "change:password";
    static final String REPEAT = "change:repeat";

    @NotBlank
    @Size(max = 128)
    private String current;

    @NotBlank
    @Size(min = 8, max = 128, message = "{dodam.password.size}")
    private String password;

    @NotBlank
    private String repeat;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    SignInBudgets budgets;

    @Inject
    ClientAddress clientAddress;

    public void save() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Account me = currentUser.require();
        String client = clientAddress.of(request);
        Duration wait = budgets.waitBefore(client, me.signInName(), true);
        if (!wait.isZero()) {
            PasswordAdvice.onField(CURRENT, Texts.text("signin.wait", SignInBacking.seconds(wait)));
            return;
        }
        if (!password.equals(repeat)) {
            PasswordAdvice.onField(REPEAT, Texts.text("password.choose.mismatch"));
            return;
        }
        Account changed;
        try {
            changed = accounts.changeOwnPassword(me, current, password);
        } catch (WeakPassword weak) {
            PasswordAdvice.explain(FIELD, weak);
            return;
        } catch (DodamException e) {
            if (e.messageKey().equals("password.change.currentWrong")) {
                budgets.failed(client, me.signInName());
                PasswordAdvice.onField(CURRENT, Texts.text(e.messageKey()));
            } else {
                PasswordAdvice.onField(FIELD, Texts.text(e.messageKey(), e.arguments()));
            }
            return;
        }
        budgets.succeeded(client, me.signInName());
        request.changeSessionId();
        CurrentUser.remember(request.getSession(), changed);
        Texts.info("password.change.done");
        external.redirect(external.getRequestContextPath() + changed.homePath());
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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
