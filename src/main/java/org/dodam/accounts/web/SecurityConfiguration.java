package org.dodam.accounts.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in through our own Faces page, backed by {@link org.dodam.accounts.application.DodamIdentityStore}.
 * Which folder a role may open is decided by {@link RoleFolderFilter}; web.xml only requires a signed-in user.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({"STUDENT", "TEACHER", "COUNSELLOR", "SCHOOL_ADMIN"})
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {
}
