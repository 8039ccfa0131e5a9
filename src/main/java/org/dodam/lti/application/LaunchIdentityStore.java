package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.DodamIdentityStore;

/**
 * Signs in the person of a verified launch ({@link LaunchCredential}) through the same Jakarta Security mechanism as
 * the sign-in form, so the container knows them exactly as it knows anyone who typed a password: by the same caller
 * name ({@link DodamIdentityStore#callerName}) and their role as the group. The account must still be active and still carry that username. Every
 * other credential is left to the other stores (the password store leaves this one alone in turn).
 */
@ApplicationScoped
public class LaunchIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof LaunchCredential launch)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.activeCaller(launch.accountId())
                .filter(c -> c.username().equals(launch.username()))
                .map(c -> new CredentialValidationResult(
                        DodamIdentityStore.callerName(c.actor()),
                        Set.of(c.actor().role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
