package org.dodam.lti.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dodam.lti.application.PlatformRegistrations.Registration;

/**
 * Access tokens for a platform's services (LTI Advantage, 1EdTech Security Framework 4.1): the OAuth 2.0
 * client-credentials grant, Dodam authenticating with a JWT it signs with its current LTI key ({@code private_key_jwt}:
 * {@code iss} and {@code sub} the client id, {@code aud} the token endpoint, a fresh {@code jti}), built and sent by
 * the Nimbus OAuth 2.0 SDK. A token is kept per registration and scope until shortly before it expires, and
 * forgotten when the platform refuses it.
 */
@ApplicationScoped
public class PlatformTokens {

    /** How long before its end a token is no longer used. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    /** A token whose response gives no lifetime is kept this long. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    static final int TIMEOUT_MILLIS = 10_000;

    @Inject
    ToolKeys toolKeys;

    @Inject
    Clock clock;

    private record Kept(String value, Instant until) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** The platform would not give a token; the message says why, without any secret. */
    public static final class TokenRefused extends Exception {
        TokenRefused(String message) {
            super(message);
        }
    }

    /** A token for {@code scope} at the registration's platform: the kept one, or a new one. */
    public String accessToken(Registration registration, String scope) throws TokenRefused {
        String key = registration.id() + " " + scope;
        Instant now = clock.instant();
        Kept token = kept.get(key);
        if (token != null && now.isBefore(token.until())) {
            return token.value();
        }
        AccessToken fresh = request(registration, scope);
        long seconds = fresh.getLifetime() > 0 ? fresh.getLifetime() : DEFAULT_LIFETIME.toSeconds();
        kept.put(key, new Kept(fresh.getValue(), now.plusSeconds(seconds).minus(MARGIN)));
        return fresh.getValue();
    }

    /** Forgets the kept token (the platform answered 401 to it). */
    public void forget(Registration registration, String scope) {
        kept.remove(registration.id() + " " + scope);
    }

    private AccessToken request(Registration registration, String scope) throws TokenRefused {
        URI endpoint = URI.create(registration.tokenUrl());
        RSAKey key = toolKeys.signingKey();
        try {
            PrivateKeyJWT assertion = new PrivateKeyJWT(
                    new ClientID(registration.clientId()),
                    endpoint,
                    JWSAlgorithm.RS256,
                    key.toRSAPrivateKey(),
                    key.getKeyID(),
                    null);
            HTTPRequest http = new TokenRequest(endpoint, assertion, new ClientCredentialsGrant(), new Scope(scope))
                    .toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            http.setFollowRedirects(false);
            TokenResponse response = TokenResponse.parse(http.send());
            if (!response.indicatesSuccess()) {
                var error = response.toErrorResponse().getErrorObject();
                throw new TokenRefused("token endpoint: HTTP " + error.getHTTPStatusCode() + " " + error.getCode());
            }
            return ((AccessTokenResponse) response).getTokens().getAccessToken();
        } catch (JOSEException e) {
            throw new IllegalStateException("Dodam's LTI key cannot sign", e);
        } catch (ParseException e) {
            throw new TokenRefused("token endpoint: unreadable answer");
        } catch (IOException e) {
            throw new TokenRefused("token endpoint: " + e.getClass().getSimpleName());
        }
    }
}
