package org.dodam.accounts.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.DodamException;

/** The signed-in person for this request, loaded once. Pages read it as {@code #{currentUser}}. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    Accounts accounts;

    private Optional<Account> account;

    public Optional<Account> account() {
        if (account == null) {
            Principal principal = securityContext.getCallerPrincipal();
            account = principal == null ? Optional.empty() : accounts.findForSignIn(principal.getName());
        }
        return account;
    }

    public Account require() {
        return account().orElseThrow(DodamException::notFound);
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public String getDisplayName() {
        return account().map(Account::displayName).orElse("");
    }

    public String getSchoolName() {
        return account().map(a -> a.school().name()).orElse("");
    }

    public String getRoleFolder() {
        return account().map(a -> a.role().folder()).orElse("");
    }
}
