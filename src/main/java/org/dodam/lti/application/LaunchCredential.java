package org.dodam.lti.application;

import jakarta.security.enterprise.credential.Credential;

/**
 * The proof that a launch passed every check, handed to Jakarta Security to sign the person in
 * ({@link LaunchIdentityStore}). Only {@link Launches} makes one (the constructor is not public), after the launch
 * was verified and its account found or made; nothing a request carries becomes one.
 */
public final class LaunchCredential implements Credential {

    private final long accountId;
    private final String username;

    LaunchCredential(long accountId, String username) {
        this.accountId = accountId;
        this.username = username;
    }

    public long accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }

    @Override
    public String toString() {
        return "LaunchCredential[" + accountId + "]";
    }
}
