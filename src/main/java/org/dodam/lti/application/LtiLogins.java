package org.dodam.lti.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.LoginState;

/**
 * The first half of an LTI launch, OIDC third-party login initiation: a platform sends the browser to Dodam with
 * its issuer and a login hint, Dodam stores a new {@code state} and {@code nonce} and sends the browser to the
 * platform's authorization address with them; the platform then posts the id_token to the launch address
 * ({@link Launches}). The state is kept in the database ({@link LoginState}), which every instance shares, and
 * taken back once only ({@link #take}).
 */
@ApplicationScoped
@Transactional
public class LtiLogins {

    @PersistenceContext
    EntityManager em;

    @Inject
    PlatformRegistrations registrations;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    /** The parameters of a login initiation, as the platform sent them (GET or POST). */
    public record LoginRequest(
            String issuer,
            String loginHint,
            String targetLinkUri,
            String messageHint,
            String clientId,
            String deploymentId) {}

    /**
     * Starts a login: returns the address of the platform's authorization endpoint to send the browser to, with
     * {@code redirectUri} (Dodam's launch address as the platform has it registered) for the answer.
     */
    public URI begin(LoginRequest login, String redirectUri) {
        if (blank(login.issuer()) || blank(login.loginHint()) || blank(login.targetLinkUri())) {
            throw new LaunchRefused(LaunchRefused.Reason.LOGIN_INCOMPLETE);
        }
        Registration registration = registrations
                .forLogin(login.issuer(), login.clientId())
                .orElseThrow(() -> new LaunchRefused(LaunchRefused.Reason.UNKNOWN_PLATFORM));
        if (!blank(login.deploymentId()) && !registration.allowsDeployment(login.deploymentId())) {
            throw new LaunchRefused(LaunchRefused.Reason.UNKNOWN_DEPLOYMENT);
        }
        String state = randomToken();
        String nonce = randomToken();
        em.persist(new LoginState(state, nonce, registration.id(), clock.instant()));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scope", "openid");
        parameters.put("response_type", "id_token");
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("client_id", registration.clientId());
        parameters.put("redirect_uri", redirectUri);
        parameters.put("login_hint", login.loginHint());
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        if (login.messageHint() != null) {
            parameters.put("lti_message_hint", login.messageHint());
        }
        String query = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String auth = registration.authUrl();
        return URI.create(auth + (auth.contains("?") ? "&" : "?") + query);
    }

    /**
     * Takes back the login of this state: it exists, has not expired, and was not taken before. One conditional
     * update decides, so of two launches racing with the same state (on two instances) one wins. Runs in its own
     * transaction: a state is spent even when the launch it came with is refused.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<TakenLogin> take(String state) {
        if (blank(state) || state.length() > 100) {
            return Optional.empty();
        }
        String hash = LoginState.hash(state);
        Instant now = clock.instant();
        int used = em.createNamedQuery("LoginState.use")
                .setParameter("hash", hash)
                .setParameter("now", now)
                .executeUpdate();
        if (used != 1) {
            return Optional.empty();
        }
        LoginState login = em.find(LoginState.class, hash);
        return login == null ? Optional.empty() : Optional.of(new TakenLogin(login.registrationId(), login::sentNonce));
    }

    /** Deletes logins that expired more than a {@link LoginState#LIFETIME} ago; returns how many. */
    public int purgeExpired() {
        return em.createNamedQuery("LoginState.purge")
                .setParameter("before", clock.instant().minus(LoginState.LIFETIME))
                .executeUpdate();
    }

    /** A login taken back: its registration, and the check of the nonce it sent. */
    public record TakenLogin(long registrationId, java.util.function.Predicate<String> sentNonce) {}

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
