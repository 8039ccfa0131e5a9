package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import org.dodam.accounts.domain.Account;

/**
 * Checks a school's usernames and passwords ({@link SchoolCredential}) against the account table. The caller's
 * one group is its role, which the container maps to the role of the same name; the caller's name is the
 * account's id ({@link #callerName}), since a username is unique only within its school. An unknown school or
 * username costs as much time as a wrong password, so that timing does not reveal which usernames exist.
 */
@ApplicationScoped
public class DodamIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SchoolCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var account = accounts.findForSignIn(login.schoolCode(), login.getCaller());
        if (account.isEmpty()) {
            passwords.spendTimeOnUnknownUser(login.getPasswordAsString());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(login.getPasswordAsString(), account.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(
                callerName(account.get()), Set.of(account.get().role().name()));
    }

    /** The name the container knows a signed-in account by. */
    public static String callerName(Account account) {
        return String.valueOf(account.id());
    }

    /** The name the container knows a signed-in person by, as other features hold them. */
    public static String callerName(Actor actor) {
        return String.valueOf(actor.id());
    }

    /** The account id in a caller's name, if it is one. */
    static Optional<Long> accountId(String callerName) {
        try {
            return callerName == null ? Optional.empty() : Optional.of(Long.parseLong(callerName));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }
}
