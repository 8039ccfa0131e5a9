package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.domain.Role;
import org.dodam.lti.domain.PlatformRegistration;
import org.dodam.platform.DodamException;

/**
 * A school admin's platform registrations: adding one by hand (the values the platform shows when Dodam is added
 * to it as an external tool), listing the school's, and removing one that never launched. Only the school's own
 * admin sees or changes its registrations; anyone else gets "not found".
 */
@ApplicationScoped
@Transactional
public class PlatformRegistrations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What the admin typed, as the form has it: deployment ids one per line or separated by commas. */
    public record NewRegistration(
            String name,
            String issuer,
            String clientId,
            String deploymentIds,
            String authUrl,
            String tokenUrl,
            String jwksUrl) {}

    /** A registration as the launch and the admin page need it, detached from the database. */
    public record Registration(
            long id,
            long schoolId,
            String name,
            String issuer,
            String clientId,
            List<String> deployments,
            String authUrl,
            String tokenUrl,
            String jwksUrl,
            boolean launched)
            implements java.io.Serializable {

        public boolean allowsDeployment(String deploymentId) {
            return deploymentId != null && deployments.contains(deploymentId);
        }

        public String deploymentsText() {
            return String.join(", ", deployments);
        }
    }

    public Registration register(Actor admin, NewRegistration form) {
        requireAdmin(admin);
        List<String> deployments = Arrays.stream(
                        form.deploymentIds() == null
                                ? new String[0]
                                : form.deploymentIds().split("[,\\r\\n]+"))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
        PlatformRegistration registration = new PlatformRegistration(
                admin.schoolId(),
                form.name(),
                form.issuer(),
                form.clientId(),
                deployments,
                form.authUrl(),
                form.tokenUrl(),
                form.jwksUrl(),
                clock.instant());
        if (byIssuerAndClient(registration.issuer(), registration.clientId()).isPresent()) {
            throw new DodamException("lti.registration.taken");
        }
        em.persist(registration);
        return view(registration, false);
    }

    public List<Registration> of(Actor admin) {
        requireAdmin(admin);
        List<PlatformRegistration> found = em.createNamedQuery(
                        "PlatformRegistration.ofSchool", PlatformRegistration.class)
                .setParameter("school", admin.schoolId())
                .getResultList();
        java.util.Set<Long> launched = found.isEmpty()
                ? java.util.Set.of()
                : new java.util.HashSet<>(em.createNamedQuery("Course.launchedRegistrations", Long.class)
                        .setParameter(
                                "registrations",
                                found.stream().map(PlatformRegistration::id).toList())
                        .getResultList());
        return found.stream().map(r -> view(r, launched.contains(r.id()))).toList();
    }

    /**
     * Removes a registration of the admin's school that no course has launched from yet (a mistyped one); once
     * courses came from it, their classes and people depend on it, and it stays.
     */
    public void remove(Actor admin, long registrationId) {
        requireAdmin(admin);
        PlatformRegistration registration = em.find(PlatformRegistration.class, registrationId);
        if (registration == null || !registration.belongsTo(admin.schoolId())) {
            throw DodamException.notFound();
        }
        if (launched(registrationId)) {
            throw new DodamException("lti.registration.inUse");
        }
        em.createNamedQuery("LoginState.purgeOfRegistration")
                .setParameter("registration", registrationId)
                .executeUpdate();
        em.remove(registration);
    }

    /**
     * The registration a login initiation names: by issuer and client id, or by issuer alone when the platform sent
     * no client id and only one registration has that issuer (otherwise the platform must say which).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Registration> forLogin(String issuer, String clientId) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        if (clientId != null && !clientId.isBlank()) {
            return byIssuerAndClient(issuer, clientId).map(r -> view(r, false));
        }
        List<PlatformRegistration> found = em.createNamedQuery(
                        "PlatformRegistration.byIssuer", PlatformRegistration.class)
                .setParameter("issuer", issuer)
                .setMaxResults(2)
                .getResultList();
        return found.size() == 1 ? Optional.of(view(found.get(0), false)) : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Registration> byId(long id) {
        return Optional.ofNullable(em.find(PlatformRegistration.class, id)).map(r -> view(r, false));
    }

    private Optional<PlatformRegistration> byIssuerAndClient(String issuer, String clientId) {
        return em.createNamedQuery("PlatformRegistration.byIssuerAndClient", PlatformRegistration.class)
                .setParameter("issuer", issuer)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst();
    }

    private boolean launched(long registrationId) {
        return em.createNamedQuery("Course.countOfRegistration", Long.class)
                        .setParameter("registration", registrationId)
                        .getSingleResult()
                > 0;
    }

    /** {@code launched}: whether a course has launched from it (the admin page's list only; false elsewhere). */
    private static Registration view(PlatformRegistration r, boolean launched) {
        return new Registration(
                r.id(),
                r.schoolId(),
                r.name(),
                r.issuer(),
                r.clientId(),
                r.deployments(),
                r.authUrl(),
                r.tokenUrl(),
                r.jwksUrl(),
                launched);
    }

    private static void requireAdmin(Actor admin) {
        if (admin == null || !admin.is(Role.SCHOOL_ADMIN)) { // an actor is made only of an active account
            throw DodamException.notFound();
        }
    }
}
