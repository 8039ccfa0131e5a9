package org.dodam.accounts.application;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * A username and password for one school. Usernames are unique only within a school, so a username alone
 * names nobody on a server with several schools; the school is named by its code, which may be left empty on a
 * server that holds one school ({@link Accounts#schoolForSignIn}).
 */
public class SchoolCredential extends UsernamePasswordCredential {

    private final String schoolCode;

    public SchoolCredential(String schoolCode, String username, String password) {
        super(username, new Password(password));
        this.schoolCode = schoolCode == null ? "" : schoolCode;
    }

    public String schoolCode() {
        return schoolCode;
    }
}
