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
import org.dodam.accounts.domain.School;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates a school and its first administrator on a database that has no school yet, from
 * DODAM_SETUP_SCHOOL, DODAM_SETUP_COUNTRY, DODAM_SETUP_ADMIN and DODAM_SETUP_ADMIN_PASSWORD. This is how
 * a production installation gets its first account; the administrator then adds teachers and counsellors.
 */
@ApplicationScoped
public class SchoolSetup {

    private static final Logger LOG = Logger.getLogger(SchoolSetup.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "dodam.setup.school")
    Optional<String> schoolName;

    @Inject
    @ConfigProperty(name = "dodam.setup.country", defaultValue = "KR")
    String country;

    @Inject
    @ConfigProperty(name = "dodam.setup.admin")
    Optional<String> adminUsername;

    @Inject
    @ConfigProperty(name = "dodam.setup.admin-password")
    Optional<String> adminPassword;

    @Transactional
    void onDatabaseReady(@Observes @Priority(DatabaseReady.SETUP) DatabaseReady event) {
        if (schoolName.isEmpty() || em.createNamedQuery("School.count", Long.class).getSingleResult() > 0) {
            return;
        }
        boolean valid = AccountRules.validName(schoolName.get())
                && adminUsername.filter(AccountRules::validUsername).isPresent()
                && adminPassword.filter(AccountRules::validPassword).isPresent()
                && School.COUNTRIES.contains(country);
        if (!valid) {
            LOG.severe("DODAM_SETUP_SCHOOL is set, but DODAM_SETUP_ADMIN (3-40 letters, digits, . _ -), "
                    + "DODAM_SETUP_ADMIN_PASSWORD (8-128 characters) or DODAM_SETUP_COUNTRY (one of "
                    + School.COUNTRIES + ") is missing or wrong: no school was created.");
            return;
        }
        School school = accounts.createSchool(schoolName.get().strip(), country);
        accounts.createSchoolAdmin(school, "Administrator", adminUsername.get(), null, adminPassword.get());
        LOG.info("Created the school and its first administrator account from DODAM_SETUP_*.");
    }
}
