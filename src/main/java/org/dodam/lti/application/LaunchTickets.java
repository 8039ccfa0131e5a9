package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.dodam.accounts.domain.Role;
import org.dodam.lti.application.LaunchArrivals.Arrival;
import org.dodam.lti.application.LaunchVerifier.DeepLinkingSettings;
import org.dodam.lti.application.Launches.Launched;
import org.dodam.lti.domain.LaunchTicket;
import org.dodam.lti.domain.LoginState;

/**
 * Launches that arrived in the platform's frame ({@link LaunchTicket}): {@link #issue} keeps a verified arrival under
 * a new one-time ticket; {@link #redeem} gives it back once, within the ticket's lifetime, with the credential that
 * signs its person in, in the tab they opened with it.
 */
@ApplicationScoped
@Transactional
public class LaunchTickets {

    /** A ticket is 256 random bits, base64url: 43 characters. */
    private static final int TICKET_LENGTH = 43;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    /** Keeps this verified arrival for a tab of its own; returns the ticket that opens it (never stored as such). */
    public String issue(Arrival arrival) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        DeepLinkRequest deepLink = arrival.deepLink();
        em.persist(new LaunchTicket(
                ticket,
                arrival.accountId(),
                arrival.username(),
                arrival.role().name(),
                arrival.locale(),
                arrival.landing(),
                arrival.rosterCourseId(),
                deepLink == null
                        ? null
                        : new LaunchTicket.DeepLink(
                                deepLink.registrationId(),
                                deepLink.deploymentId(),
                                deepLink.settings().returnUrl(),
                                deepLink.settings().data(),
                                deepLink.settings().acceptMultiple()),
                clock.instant()));
        return ticket;
    }

    /**
     * The launch kept under this ticket, if it exists, has not expired and was not redeemed before: one conditional
     * update decides, so a ticket posted twice (a double click, two instances) opens one session. Its own
     * transaction: a ticket is spent even if signing in then fails.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Launched> redeem(String ticket) {
        if (ticket == null || ticket.length() != TICKET_LENGTH) {
            return Optional.empty();
        }
        String hash = LoginState.hash(ticket);
        Instant now = clock.instant();
        int used = em.createNamedQuery("LaunchTicket.use")
                .setParameter("hash", hash)
                .setParameter("now", now)
                .executeUpdate();
        LaunchTicket kept = used == 1 ? em.find(LaunchTicket.class, hash) : null;
        if (kept == null) {
            return Optional.empty();
        }
        LaunchTicket.DeepLink deepLink = kept.deepLink();
        Arrival arrival = new Arrival(
                kept.accountId(),
                kept.username(),
                Role.valueOf(kept.role()),
                kept.locale(),
                kept.landing(),
                deepLink == null
                        ? null
                        : new DeepLinkRequest(
                                deepLink.registrationId(),
                                deepLink.deploymentId(),
                                new DeepLinkingSettings(deepLink.returnUrl(), deepLink.data(), deepLink.multiple())),
                kept.rosterCourseId());
        return Optional.of(new Launched(
                arrival, new LaunchCredential(arrival.accountId(), arrival.username()), Launches.Frame.NONE));
    }

    /** Deletes tickets that expired more than a lifetime ago; returns how many. */
    public int purgeExpired() {
        return em.createNamedQuery("LaunchTicket.purge")
                .setParameter("before", clock.instant().minus(LaunchTicket.LIFETIME))
                .executeUpdate();
    }
}
