package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.PlatformSettings;
import org.dodam.platform.mail.Mailer;
import org.dodam.platform.web.Texts;

/**
 * Tells a member of staff by e-mail, in their language, that their password changed (ASVS 2.2.3): they changed it,
 * or the school's admin reset it. Someone who took over a session or an account is then noticed by its owner. The
 * mail names the account and the sign-in address, never a password; it goes out only if the change commits, and only
 * to an account that has an address (students have none).
 */
@ApplicationScoped
public class PasswordNotices {

    /** Who changed the password. */
    public enum How {
        CHANGED_BY_OWNER,
        RESET_BY_ADMIN
    }

    @Inject
    Mailer mailer;

    @Inject
    PlatformSettings platform;

    void tell(Account account, How how) {
        if (!mailer.enabled() || account.email() == null || account.email().isBlank()) {
            return;
        }
        ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(account.locale()));
        String body = new MessageFormat(
                        texts.getString(
                                how == How.CHANGED_BY_OWNER ? "mail.password.changedBody" : "mail.password.resetBody"),
                        texts.getLocale())
                .format(new Object[] {
                    account.displayName(),
                    account.username(),
                    account.school().name(),
                    platform.publicPage("login.xhtml?school=" + account.school().code())
                });
        mailer.sendAfterCommit(
                List.of(new Mailer.Mail(account.email(), texts.getString("mail.password.subject"), body)));
    }
}
