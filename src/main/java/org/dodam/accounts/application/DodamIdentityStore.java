package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.accounts.domain.Account;

/**
 * Checks a school's usernames and passwords ({@link SchoolCredential}) against the account table. The caller's
 * one group is its role, which the container maps to the role of the same name; the caller's name is the
 * account's id ({@link #callerName}), since a username is unique only within its school. An unknown school or
 * username costs as much time as a wrong password, so that timing does not reveal which usernames exist.
 *
 * <p>After a successful check, a hash made with an older algorithm or weaker parameters ({@link
 * Passwords#needsRehash}) is replaced by a current one ({@link PasswordUpgrades}), without raising the credentials
 * version, so the person's other sessions stay. That replacement cannot make the sign-in fail: if it does not
 * work, the old hash stays, the next sign-in tries again, and the log says only that it failed (no username).
 */
@ApplicationScoped
public class DodamIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    private static final Logger LOG = Logger.getLogger(DodamIdentityStore.class.getName());

    @Inject
    Passwords passwords;

    @Inject
    PasswordUpgrades upgrades;

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
        String storedHash = account.get().passwordHash();
        if (!passwords.matches(login.getPasswordAsString(), storedHash)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (passwords.needsRehash(storedHash)) {
            upgrade(account.get().id(), login.getPasswordAsString(), storedHash);
        }
        return new CredentialValidationResult(
                callerName(account.get()), Set.of(account.get().role().name()));
    }

    private void upgrade(long accountId, String password, String checkedHash) {
        try {
            upgrades.replace(accountId, checkedHash, passwords.hash(password));
        } catch (RuntimeException failed) {
            // Only the kind of failure: a persistence exception's message can quote the statement and its values.
            LOG.log(
                    Level.WARNING,
                    "A password hash could not be upgraded at sign-in ({0}); the sign-in goes on with the old hash",
                    failed.getClass().getName());
        }
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
