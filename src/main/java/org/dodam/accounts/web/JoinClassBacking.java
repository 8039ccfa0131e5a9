package org.dodam.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.PasswordStrength;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;

/**
 * A student creates an account with the class code their teacher gave them; no e-mail address is asked for. The
 * password is their own, so it must be hard enough to guess ({@link PasswordStrength}).
 */
@Named
@RequestScoped
public class JoinClassBacking {

    @NotBlank
    @Size(max = 20)
    private String joinCode;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String displayName;

    @NotBlank
    @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = "{dodam.username.invalid}")
    private String username;

    @NotBlank
    @Size(min = 8, max = 128, message = "{dodam.password.size}")
    private String password;

    @Inject
    Accounts accounts;

    public void join() throws IOException {
        String school;
        try {
            school = accounts.joinClass(joinCode, displayName, username, password)
                    .school()
                    .code();
        } catch (PasswordStrength.WeakPassword weak) {
            PasswordAdvice.explain("join:password", weak);
            return;
        } catch (DodamException e) {
            Texts.error(e);
            return;
        }
        Texts.info("join.done");
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        // The school's own sign-in address: where the form asks for the school, its code is filled in.
        external.redirect(external.getRequestContextPath() + "/login.xhtml?school="
                + URLEncoder.encode(school, StandardCharsets.UTF_8));
    }

    public String getJoinCode() {
        return joinCode;
    }

    public void setJoinCode(String joinCode) {
        this.joinCode = joinCode;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
