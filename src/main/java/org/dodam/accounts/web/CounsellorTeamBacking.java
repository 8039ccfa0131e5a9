package org.dodam.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;

/**
 * The counsellors' own care of counsellor accounts, on their home page: confirming an account the admin
 * proposed, resetting a colleague's password and reactivating a suspended colleague. The new password of a
 * confirmed or reset account is shown once, here only, to be handed over in person.
 */
@Named
@ViewScoped
public class CounsellorTeamBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Accounts accounts;

    @Inject
    transient CurrentUser currentUser;

    private List<TeamRow> counsellors;
    private String passwordFor;
    private String temporaryPassword;

    public List<TeamRow> getCounsellors() {
        if (counsellors == null) {
            long self = currentUser.require().id();
            counsellors = accounts.counsellorsOf(currentUser.require()).stream()
                    .map(a -> new TeamRow(
                            a.id(),
                            a.displayName(),
                            a.username(),
                            a.active(),
                            a.awaitingConfirmation(),
                            a.id() == self))
                    .toList();
        }
        return counsellors;
    }

    public void confirm(TeamRow row) {
        try {
            temporaryPassword = accounts.confirmCounsellor(currentUser.require(), row.id());
            passwordFor = row.displayName();
            Texts.info("counsellorTeam.confirmed", row.displayName());
            counsellors = null;
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void resetPassword(TeamRow row) {
        try {
            temporaryPassword =
                    accounts.resetPassword(currentUser.require(), row.id()).password();
            passwordFor = row.displayName();
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void reactivate(TeamRow row) {
        try {
            accounts.setActive(currentUser.require(), row.id(), true);
            Texts.info("counsellorTeam.reactivated", row.displayName());
            counsellors = null;
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    /** A counsellor account of the school as the team list shows it. */
    public record TeamRow(long id, String displayName, String username, boolean active, boolean awaiting, boolean self)
            implements Serializable {}

    public String getPasswordFor() {
        return passwordFor;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }
}
