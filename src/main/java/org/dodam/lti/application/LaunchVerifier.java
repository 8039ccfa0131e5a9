package org.dodam.lti.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.LaunchRole;
import org.dodam.lti.domain.PlatformRegistration;

/**
 * Checks a launch's id_token as LTI 1.3 (1EdTech Security Framework 5.1.3) asks, against the one registration its
 * login state belongs to: an RS256 signature by a key of the platform's key set, found by the token's {@code kid}
 * ({@link PlatformKeySets}); {@code iss} exactly the registered issuer; {@code aud} naming Dodam's client id, and
 * {@code azp} naming it when there are several audiences; {@code exp} and {@code iat} within {@link #LEEWAY}; the
 * {@code nonce} of that login; a registered {@code deployment_id}; LTI version 1.3.0; a resource link launch, or a
 * deep linking request from an instructor.
 * Each failure has its own reason, so the page can tell an admin what to fix.
 *
 * <p>Nimbus checks the signature (the processor is given no claims verifier); the claims are checked here, in the
 * order above, with Dodam's clock.
 */
@ApplicationScoped
public class LaunchVerifier {

    /** How far apart Dodam's and the platform's clocks may be. */
    static final Duration LEEWAY = Duration.ofSeconds(60);

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String VERSION = LTI + "version";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String ROLES = LTI + "roles";
    static final String CONTEXT = LTI + "context";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String CUSTOM = LTI + "custom";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    static final String GRADE_SERVICE = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String LAUNCH_PRESENTATION = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";
    static final String ROSTER_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String ROSTER_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    @Inject
    PlatformKeySets keySets;

    @Inject
    Clock clock;

    /**
     * What Dodam takes from a verified launch. Optional claims are null when absent; {@code lineItem} is the grade
     * column of the resource link when the platform lets Dodam post scores to it (Assignment and Grade Services with
     * the score scope, at an address Dodam may fetch); {@code membershipsUrl} is the course's roster (Names and Role
     * Provisioning Services 2.0), likewise.
     */
    public record LaunchClaims(
            String subject,
            String deploymentId,
            LaunchRole role,
            String contextId,
            String contextTitle,
            String name,
            String locale,
            String targetLinkUri,
            String resourceLinkId,
            String customLesson,
            String lineItem,
            DeepLinkingSettings deepLinking,
            String membershipsUrl,
            Presentation presentation) {}

    /**
     * How the platform shows Dodam ({@code launch_presentation}): whether it opened the launch in a frame
     * ({@code document_target} iframe or frame), and the address of its page to return to, whose origin is the page
     * that holds the frame (null if absent or not an address Dodam would send a browser to).
     */
    public record Presentation(boolean framed, String returnUrl) {
        static final Presentation NONE = new Presentation(false, null);
    }

    /**
     * A deep linking request's settings (LTI Deep Linking 2.0): where to post the chosen links back, the platform's
     * opaque {@code data} to echo, and whether it takes more than one item. Only requests that accept
     * {@code ltiResourceLink} items, with a return address Dodam may send a browser to, get this far.
     */
    public record DeepLinkingSettings(String returnUrl, String data, boolean acceptMultiple)
            implements java.io.Serializable {}

    public LaunchClaims verify(Registration registration, String idToken, Predicate<String> sentNonce) {
        JWTClaimsSet claims = verifiedClaims(registration, idToken);
        Instant now = clock.instant();
        if (!registration.issuer().equals(claims.getIssuer())) {
            throw new LaunchRefused(Reason.ISSUER);
        }
        List<String> audience = claims.getAudience();
        String azp = text(claims, "azp");
        if (!audience.contains(registration.clientId())
                || audience.size() > 1 && azp == null
                || azp != null && !azp.equals(registration.clientId())) {
            throw new LaunchRefused(Reason.AUDIENCE);
        }
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null
                || issued == null
                || !now.isBefore(expires.toInstant().plus(LEEWAY))
                || issued.toInstant().isAfter(now.plus(LEEWAY))) {
            throw new LaunchRefused(Reason.EXPIRED);
        }
        if (!sentNonce.test(text(claims, "nonce"))) {
            throw new LaunchRefused(Reason.NONCE);
        }
        String deploymentId = text(claims, DEPLOYMENT_ID);
        if (!registration.allowsDeployment(deploymentId)) {
            throw new LaunchRefused(Reason.UNKNOWN_DEPLOYMENT);
        }
        if (!"1.3.0".equals(text(claims, VERSION))) {
            throw new LaunchRefused(Reason.VERSION);
        }
        String messageType = text(claims, MESSAGE_TYPE);
        boolean deepLinking = DEEP_LINKING_REQUEST.equals(messageType);
        if (!deepLinking && !RESOURCE_LINK_REQUEST.equals(messageType)) {
            throw new LaunchRefused(Reason.MESSAGE_TYPE);
        }
        String subject = claims.getSubject();
        Map<String, Object> resourceLink = object(claims, RESOURCE_LINK);
        String resourceLinkId = resourceLink == null ? null : string(resourceLink.get("id"));
        if (subject == null || subject.isBlank() || subject.length() > 255 || !deepLinking && resourceLinkId == null) {
            throw new LaunchRefused(Reason.CLAIMS);
        }
        DeepLinkingSettings deepLinkingSettings = deepLinking ? deepLinkingSettings(claims) : null;
        LaunchRole role = LaunchRole.of(strings(claims, ROLES)).orElseThrow(() -> new LaunchRefused(Reason.ROLE));
        if (deepLinking && role != LaunchRole.INSTRUCTOR) {
            throw new LaunchRefused(Reason.DEEP_LINKING_ROLE);
        }
        Map<String, Object> context = object(claims, CONTEXT);
        String contextId = context == null ? null : string(context.get("id"));
        String contextTitle = context == null
                ? null
                : Optional.ofNullable(string(context.get("title"))).orElse(string(context.get("label")));
        if (contextId != null && contextId.length() > 255) {
            throw new LaunchRefused(Reason.CLAIMS);
        }
        Map<String, Object> custom = object(claims, CUSTOM);
        return new LaunchClaims(
                subject,
                deploymentId,
                role,
                contextId,
                contextTitle,
                name(claims),
                text(claims, "locale"),
                text(claims, TARGET_LINK_URI),
                resourceLinkId,
                custom == null ? null : string(custom.get("lesson")),
                deepLinking ? null : lineItem(claims),
                deepLinkingSettings,
                membershipsUrl(claims),
                presentation(claims));
    }

    static Presentation presentation(JWTClaimsSet claims) {
        Map<String, Object> presentation = object(claims, LAUNCH_PRESENTATION);
        if (presentation == null) {
            return Presentation.NONE;
        }
        String target = string(presentation.get("document_target"));
        String returnUrl = string(presentation.get("return_url"));
        return new Presentation(
                "iframe".equals(target) || "frame".equals(target),
                returnUrl != null && PlatformRegistration.acceptableAddress(returnUrl) ? returnUrl.strip() : null);
    }

    /** The course's membership address, if the platform offers version 2.0 of the roster service at an acceptable one. */
    static String membershipsUrl(JWTClaimsSet claims) {
        Map<String, Object> service = object(claims, ROSTER_SERVICE);
        if (service == null
                || !(service.get("service_versions") instanceof List<?> versions)
                || !versions.contains("2.0")) {
            return null;
        }
        return serviceAddress(service.get("context_memberships_url"));
    }

    private static DeepLinkingSettings deepLinkingSettings(JWTClaimsSet claims) {
        Map<String, Object> settings = object(claims, DEEP_LINKING_SETTINGS);
        String returnUrl = settings == null ? null : string(settings.get("deep_link_return_url"));
        if (returnUrl == null
                || !PlatformRegistration.acceptableAddress(returnUrl)
                || !(settings.get("accept_types") instanceof List<?> types)
                || !types.contains("ltiResourceLink")) {
            throw new LaunchRefused(Reason.CLAIMS);
        }
        String data = string(settings.get("data"));
        if (data != null && data.length() > 2000) {
            throw new LaunchRefused(Reason.CLAIMS);
        }
        return new DeepLinkingSettings(returnUrl, data, !Boolean.FALSE.equals(settings.get("accept_multiple")));
    }

    /** The resource link's line item, if the platform grants the score scope for it and its address is acceptable. */
    static String lineItem(JWTClaimsSet claims) {
        Map<String, Object> service = object(claims, GRADE_SERVICE);
        if (service == null || !(service.get("scope") instanceof List<?> scopes) || !scopes.contains(SCORE_SCOPE)) {
            return null;
        }
        return serviceAddress(service.get("lineitem"));
    }

    /** A service address from a claim: text Dodam may fetch ({@link PlatformRegistration#acceptableAddress}, length included). */
    private static String serviceAddress(Object value) {
        String url = string(value);
        return PlatformRegistration.acceptableAddress(url) ? url : null;
    }

    /** The token's claims once its signature checked out with a key of the registration's key set. */
    private JWTClaimsSet verifiedClaims(Registration registration, String idToken) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken == null ? "" : idToken);
        } catch (ParseException e) {
            throw new LaunchRefused(Reason.TOKEN);
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                || jwt.getHeader().getKeyID() == null) {
            throw new LaunchRefused(Reason.SIGNATURE);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySets.of(registration.jwksUrl())));
        processor.setJWTClaimsSetVerifier(null);
        try {
            return processor.process(jwt, null);
        } catch (BadJWSException e) {
            throw new LaunchRefused(Reason.SIGNATURE);
        } catch (KeySourceException e) {
            throw new LaunchRefused(Reason.KEYS_UNAVAILABLE);
        } catch (BadJOSEException e) {
            throw new LaunchRefused(Reason.UNKNOWN_KEY);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new LaunchRefused(Reason.SIGNATURE);
        }
    }

    /** The person's name as the platform gives it (it may give none, if the course hides names from tools). */
    private static String name(JWTClaimsSet claims) {
        String name = text(claims, "name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String given = text(claims, "given_name");
        String family = text(claims, "family_name");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String text(JWTClaimsSet claims, String name) {
        return string(claims.getClaim(name));
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static List<String> strings(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof List<?> list
                ? list.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .toList()
                : List.of();
    }
}
