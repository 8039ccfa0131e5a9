package org.dodam.accounts.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import org.dodam.accounts.domain.Role;
import org.dodam.accounts.domain.School;
import org.dodam.platform.ApplicationStartup.DatabaseReady;

/**
 * Creates a school and its first administrator on a database that has no school yet, from
 * DODAM_SETUP_SCHOOL, DODAM_SETUP_COUNTRY, DODAM_SETUP_ADMIN and DODAM_SETUP_ADMIN_PASSWORD. This is how
 * a production installation gets its first account; the administrator then adds teachers and proposes
 * counsellors.
 *
 * <p>A counsellor account reads reports only once a counsellor of the school confirms it, so the school's first
 * counsellor comes from here too: DODAM_SETUP_COUNSELLOR and DODAM_SETUP_COUNSELLOR_PASSWORD (and
 * DODAM_SETUP_COUNSELLOR_EMAIL) for the school named DODAM_SETUP_SCHOOL, read only while that school has no
 * active confirmed counsellor. Naming the school's existing counsellor account restores it (active, confirmed,
 * with this password). Whoever sets these variables controls the server, its database and its master key: a
 * different trust boundary from the school admin, who can reach none of this from a page.
 */
@ApplicationScoped
public class SchoolSetup {

    private static final Logger LOG = Logger.getLogger(SchoolSetup.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    PasswordStrength strength;

    @Inject
    AccountsSettings settings;

    @Transactional
    void onDatabaseReady(@Observes @Priority(DatabaseReady.SETUP) DatabaseReady event) {
        AccountsSettings.Setup setup = settings.setup();
        if (setup.school().isEmpty()) {
            return;
        }
        if (em.createNamedQuery("School.count", Long.class).getSingleResult() == 0) {
            createSchool(setup);
        }
        if (setup.counsellor().isPresent()) {
            setUpCounsellor(setup);
        }
    }

    private void createSchool(AccountsSettings.Setup setup) {
        if (setup.admin().isEmpty() || setup.adminPassword().isEmpty()) {
            LOG.severe("DODAM_SETUP_SCHOOL is set, but DODAM_SETUP_ADMIN or DODAM_SETUP_ADMIN_PASSWORD is missing: "
                    + "no school was created.");
            return;
        }
        String admin = setup.admin().get();
        String password = setup.adminPassword().get();
        warnIfWeak("DODAM_SETUP_ADMIN_PASSWORD", password, Role.SCHOOL_ADMIN, admin, setup);
        long school = accounts.createSchool(setup.school().get().strip(), setup.country(), setup.schoolCode());
        accounts.createSchoolAdmin(school, "Administrator", admin, null, password);
        LOG.info("Created the school and its first administrator account from DODAM_SETUP_*.");
        em.flush();
    }

    private void setUpCounsellor(AccountsSettings.Setup setup) {
        Optional<School> school = em.createNamedQuery("School.byName", School.class)
                .setParameter("name", setup.school().get().strip())
                .getResultStream()
                .findFirst();
        if (school.isEmpty()) {
            LOG.severe(
                    "DODAM_SETUP_COUNSELLOR is set, but no school is named as DODAM_SETUP_SCHOOL says: no counsellor was set up.");
            return;
        }
        if (!accounts.activeInSchool(school.get().id(), Role.COUNSELLOR).isEmpty()) {
            LOG.info("DODAM_SETUP_COUNSELLOR is ignored: the school has an active counsellor, who confirms new ones.");
            return;
        }
        if (setup.counsellorPassword().isEmpty()) {
            LOG.severe(
                    "DODAM_SETUP_COUNSELLOR is set, but DODAM_SETUP_COUNSELLOR_PASSWORD is missing: no counsellor was set up.");
            return;
        }
        String counsellor = setup.counsellor().get();
        String password = setup.counsellorPassword().get();
        warnIfWeak("DODAM_SETUP_COUNSELLOR_PASSWORD", password, Role.COUNSELLOR, counsellor, setup);
        if (accounts.setUpCounsellor(
                school.get(), counsellor, password, setup.counsellorEmail().orElse(null))) {
            LOG.info(
                    "Set up a counsellor of the school from DODAM_SETUP_COUNSELLOR; the school's counsellors are told.");
        } else {
            LOG.severe(
                    "DODAM_SETUP_COUNSELLOR names an account that is not a counsellor of this school: nothing was changed.");
        }
    }

    /**
     * The operator's set-up passwords are not refused (whoever sets them controls the server anyway), but one that
     * is easy to guess is named in the log, without the password, so that it is changed.
     */
    private void warnIfWeak(
            String variable, String password, Role role, String username, AccountsSettings.Setup setup) {
        if (!strength.judge(password, role, username, setup.school().orElse("")).acceptable()) {
            LOG.warning(variable + " is easy to guess: choose a long passphrase (three or four words)"
                    + " for the next set-up, and have the account's password reset.");
        }
    }
}
