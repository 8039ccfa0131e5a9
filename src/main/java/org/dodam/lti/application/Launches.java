package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.dodam.lti.application.LaunchArrivals.Arrival;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.LaunchVerifier.LaunchClaims;
import org.dodam.lti.application.LtiLogins.TakenLogin;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.PlatformRegistration;

/**
 * The second half of an LTI launch, the entry point of the launch address: the platform's form post with the
 * {@code id_token} and the {@code state}. In this order, each step refusing with its own reason: the state is taken
 * back once ({@link LtiLogins#take}, its own transaction, so a refused launch still spends it); the token is checked
 * against that state's registration ({@link LaunchVerifier}, outside any transaction, since it may fetch the
 * platform's key set); then what the launch makes is made ({@link LaunchArrivals}, one transaction). The result
 * carries the credential that signs the person in ({@link LaunchCredential}), which only a launch that passed every
 * check can hold.
 *
 * <p>Two first launches into one course at the same moment (a class starting) race to make its class or its
 * members; the loser's transaction fails on a unique key or the course's version, and is tried once more, when it
 * finds what the winner made.
 */
@ApplicationScoped
public class Launches {

    private static final Logger LOG = Logger.getLogger(Launches.class.getName());

    @Inject
    LtiLogins logins;

    @Inject
    PlatformRegistrations registrations;

    @Inject
    LaunchVerifier verifier;

    @Inject
    LaunchArrivals arrivals;

    /**
     * A launch that passed: who arrived, where they land, the credential to sign them in with, and how the platform
     * showed it.
     */
    public record Launched(Arrival arrival, LaunchCredential credential, Frame frame) {}

    /**
     * Whether the platform said it opened the launch in a frame, and the origins that may hold Dodam's page in one:
     * the platform's issuer, its authorization address and the page it returns to (for Canvas, the school's own
     * site), all https (or loopback) addresses of the registration or of the verified launch.
     */
    public record Frame(boolean framed, Set<String> ancestors) {
        public static final Frame NONE = new Frame(false, Set.of());

        static Frame of(Registration registration, LaunchClaims claims) {
            Set<String> origins = new LinkedHashSet<>();
            Stream.of(
                            registration.issuer(),
                            registration.authUrl(),
                            claims.presentation().returnUrl(),
                            claims.deepLinking() == null
                                    ? null
                                    : claims.deepLinking().returnUrl())
                    .filter(PlatformRegistration::acceptableAddress)
                    .map(Frame::origin)
                    .forEach(origins::add);
            return new Frame(claims.presentation().framed(), Set.copyOf(origins));
        }

        static String origin(String address) {
            URI uri = URI.create(address.strip());
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        }
    }

    public Launched launch(String idToken, String state) {
        TakenLogin login = logins.take(state).orElseThrow(() -> new LaunchRefused(Reason.STATE));
        Registration registration =
                registrations.byId(login.registrationId()).orElseThrow(() -> new LaunchRefused(Reason.STATE));
        LaunchClaims claims = verifier.verify(registration, idToken, login.sentNonce());
        Arrival arrival = arriveTwice(registration, claims);
        return new Launched(
                arrival, new LaunchCredential(arrival.accountId(), arrival.username()), Frame.of(registration, claims));
    }

    private Arrival arriveTwice(Registration registration, LaunchClaims claims) {
        try {
            return arrivals.arrive(registration, claims);
        } catch (LaunchRefused refused) {
            throw refused;
        } catch (RuntimeException raced) {
            LOG.log(Level.FINE, "A launch lost a race and is tried again", raced);
            try {
                return arrivals.arrive(registration, claims);
            } catch (LaunchRefused refused) {
                throw refused;
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "A verified launch could not be stored: {0}", again.toString());
                throw new LaunchRefused(Reason.TRY_AGAIN);
            }
        }
    }
}
