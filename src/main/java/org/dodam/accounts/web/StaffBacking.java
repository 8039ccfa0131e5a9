package org.dodam.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.dodam.accounts.application.AccountRules;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.application.PasswordStrength;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.DodamException;
import org.dodam.platform.PlatformSettings;
import org.dodam.platform.web.Texts;

/**
 * The school admin's home: the school's teachers and counsellors, adding teachers and proposing counsellors,
 * resetting and suspending. A counsellor's password and reactivation are the counsellors' own: the entry
 * point refuses them with a message that says so.
 */
@Named
@ViewScoped
public class StaffBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Accounts accounts;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient PlatformSettings platform;

    private List<StaffRow> staff;

    @NotBlank
    @Pattern(regexp = AccountRules.NAME_PATTERN, message = "{dodam.name.invalid}")
    private String displayName;

    @NotBlank
    @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = "{dodam.username.invalid}")
    private String username;

    @Email
    @Size(max = 254)
    private String email;

    @NotNull
    private Role role = Role.TEACHER;

    @NotBlank
    @Size(min = 8, max = 128, message = "{dodam.password.size}")
    private String password;

    private String resetFor;
    private String temporaryPassword;

    /** The school's code, which people type at sign-in when the server holds more than one school. */
    public String getSchoolCode() {
        return currentUser.require().school().code();
    }

    /** The school's own sign-in address, to share with staff and families: it fills in the school's code. */
    public String getSignInAddress() {
        return SignInSlips.signInAddress(platform.publicUrl().toString(), getSchoolCode());
    }

    public List<StaffRow> getStaff() {
        if (staff == null) {
            staff = accounts.staffOf(currentUser.require()).stream()
                    .map(a -> new StaffRow(
                            a.id(), a.displayName(), a.username(), a.role(), a.active(), a.awaitingConfirmation()))
                    .toList();
        }
        return staff;
    }

    public List<Role> getStaffRoles() {
        return List.of(Role.TEACHER, Role.COUNSELLOR);
    }

    public void addStaff() {
        try {
            Account added = accounts.createStaff(currentUser.require(), displayName, username, email, role, password);
            Texts.info(
                    added.awaitingConfirmation() ? "admin.counsellorProposed" : "admin.staffAdded",
                    added.displayName(),
                    added.username());
            displayName = null;
            username = null;
            email = null;
            password = null;
            staff = null;
        } catch (PasswordStrength.WeakPassword weak) {
            PasswordAdvice.explain("add:password", weak);
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void resetPassword(StaffRow row) {
        try {
            temporaryPassword =
                    accounts.resetPassword(currentUser.require(), row.id()).password();
            resetFor = row.displayName();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void toggleActive(StaffRow row) {
        try {
            accounts.setActive(currentUser.require(), row.id(), !row.active());
            staff = null;
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    /** A member of staff as the admin's list shows them. */
    public record StaffRow(long id, String displayName, String username, Role role, boolean active, boolean awaiting)
            implements Serializable {}

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getResetFor() {
        return resetFor;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }
}
