package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks usernames and passwords against the account table. The caller's one group is its role,
 * which the container maps to the role of the same name. An unknown username costs as much time as a
 * wrong password, so that timing does not reveal which usernames exist.
 */
@ApplicationScoped
public class DodamIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var account = accounts.findForSignIn(login.getCaller());
        if (account.isEmpty()) {
            passwords.spendTimeOnUnknownUser(login.getPasswordAsString());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(login.getPasswordAsString(), account.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.get().username(), Set.of(account.get().role().name()));
    }
}
