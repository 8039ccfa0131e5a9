package org.dodam.accounts.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * The roles, and Faces in its CDI mode. Signing in is {@link SignInMechanism} (our own Faces page, backed by
 * {@link org.dodam.accounts.application.DodamIdentityStore}); which folder a role may open is decided by
 * {@link RoleFolderFilter}; web.xml only requires a signed-in user.
 */
@DeclareRoles({"STUDENT", "TEACHER", "COUNSELLOR", "SCHOOL_ADMIN"})
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {}
