package org.dodam.lti.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dodam.lti.application.LaunchRefused.Reason;
import org.dodam.lti.application.LaunchVerifier.LaunchClaims;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.domain.LaunchRole;
import org.dodam.testing.TestPlatform;
import org.dodam.testing.TestPlatform.Person;
import org.dodam.testing.TestPlatform.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every check of a launch's id_token, against a real platform (the test platform's HTTP server, its real key set
 * and signatures) without a Dodam server: each token differs from a good one in one thing and is refused for that
 * reason. Each test has platforms of its own, so no key-set cache or fetch limit is shared.
 */
class LaunchVerifierTest {

    static final String NONCE = "nonce-of-this-login";
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = new TestPlatform(URI.create("http://127.0.0.1:9/"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aGoodLaunchGivesWhoAndWhere() {
        Tenant moodle = platform.tenant("good");
        LaunchClaims claims = verify(moodle, UnaryOperator.identity());
        assertThat(claims.subject()).isEqualTo("sub-42");
        assertThat(claims.role()).isEqualTo(LaunchRole.LEARNER);
        assertThat(claims.deploymentId()).isEqualTo(moodle.deploymentId());
        assertThat(claims.contextId()).isEqualTo("course-7");
        assertThat(claims.contextTitle()).isEqualTo("Digital citizenship 7");
        assertThat(claims.name()).isEqualTo("Minji Kim");
        assertThat(claims.locale()).isEqualTo("ko-KR");
        assertThat(claims.customLesson()).isEqualTo("dont-pass-it-on");
    }

    @Test
    void theLineItemCountsOnlyWithTheScoreScopeAndAnAddressDodamMaySendTo() {
        Tenant moodle = platform.tenant("grades");
        assertThat(verify(moodle, UnaryOperator.identity()).lineItem())
                .as("no grade service claim")
                .isNull();
        String lineItem = "https://moodle.school.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1";
        assertThat(verify(
                                moodle,
                                c -> c.claim(
                                        LaunchVerifier.GRADE_SERVICE,
                                        Map.of(
                                                "scope",
                                                List.of(TestPlatform.AGS + "lineitem", TestPlatform.SCORE_SCOPE),
                                                "lineitem",
                                                lineItem)))
                        .lineItem())
                .isEqualTo(lineItem);
        assertThat(verify(
                                moodle,
                                c -> c.claim(
                                        LaunchVerifier.GRADE_SERVICE,
                                        Map.of(
                                                "scope",
                                                List.of(TestPlatform.AGS + "result.readonly"),
                                                "lineitem",
                                                lineItem)))
                        .lineItem())
                .as("no score scope")
                .isNull();
        assertThat(verify(
                                moodle,
                                c -> c.claim(
                                        LaunchVerifier.GRADE_SERVICE,
                                        Map.of(
                                                "scope",
                                                List.of(TestPlatform.SCORE_SCOPE),
                                                "lineitem",
                                                "http://intranet.example/lineitem")))
                        .lineItem())
                .as("plain http off this machine")
                .isNull();
        assertThat(verify(
                                moodle,
                                c -> c.claim(
                                        LaunchVerifier.GRADE_SERVICE,
                                        Map.of(
                                                "scope",
                                                List.of(TestPlatform.SCORE_SCOPE),
                                                "lineitems",
                                                "https://moodle.school.example/lineitems")))
                        .lineItem())
                .as("only the list of line items")
                .isNull();
        assertThat(verify(moodle, c -> c.claim(LaunchVerifier.GRADE_SERVICE, "not an object"))
                        .lineItem())
                .isNull();
    }

    @Test
    void thePresentationSaysWhetherThePlatformFramesDodamAndWhereItsPageIs() {
        Tenant canvas = platform.tenant("presentation");
        String home = "https://school.instructure.com/courses/7/external_content/success/external_tool_redirect";
        LaunchVerifier.Presentation framed = verify(
                        canvas,
                        c -> c.claim(
                                LaunchVerifier.LAUNCH_PRESENTATION,
                                Map.of("document_target", "iframe", "return_url", home)))
                .presentation();
        assertThat(framed.framed()).isTrue();
        assertThat(framed.returnUrl()).isEqualTo(home);
        assertThat(verify(canvas, c -> c.claim(LaunchVerifier.LAUNCH_PRESENTATION, Map.of("document_target", "window")))
                        .presentation())
                .isEqualTo(new LaunchVerifier.Presentation(false, null));
        assertThat(verify(
                                canvas,
                                c -> c.claim(
                                        LaunchVerifier.LAUNCH_PRESENTATION,
                                        Map.of("document_target", "frame", "return_url", "javascript:alert(1)")))
                        .presentation())
                .as("an address Dodam would not send a browser to is dropped")
                .isEqualTo(new LaunchVerifier.Presentation(true, null));
        assertThat(verify(canvas, c -> c.claim(LaunchVerifier.LAUNCH_PRESENTATION, "not an object"))
                        .presentation())
                .isEqualTo(new LaunchVerifier.Presentation(false, null));
    }

    @Test
    void theOriginsThatMayFrameDodamAreThePlatformsOwn() {
        Tenant canvas = platform.tenant("frame-origins");
        LaunchVerifier.LaunchClaims claims = verify(
                canvas,
                c -> c.claim(
                        LaunchVerifier.LAUNCH_PRESENTATION,
                        Map.of("document_target", "iframe", "return_url", "https://School.Instructure.com/courses/7")));
        Launches.Frame frame = Launches.Frame.of(registration(canvas), claims);
        String platformOrigin = canvas.issuer().replaceAll("^(https?://[^/]+).*$", "$1");
        assertThat(frame.framed()).isTrue();
        assertThat(frame.ancestors()).containsExactlyInAnyOrder(platformOrigin, "https://school.instructure.com");
    }

    @Test
    void aTokenSignedByAnotherKeyUnderAPublishedKidIsABadSignature() {
        Tenant moodle = platform.tenant("bad-signature");
        String good = moodle.sign(moodle.claims(person(), NONCE).build());
        String forged = TestPlatform.sign(
                withKid(TestPlatform.newKey(), moodle.signingKey().getKeyID()),
                moodle.claims(person(), NONCE).build());
        assertThat(forged.split("\\.")[0]).isEqualTo(good.split("\\.")[0]);
        assertRefused(moodle, forged, Reason.SIGNATURE);
        String[] parts = good.split("\\.");
        assertRefused(
                moodle,
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA",
                Reason.SIGNATURE);
    }

    @Test
    void anUnknownKidIsRefusedAfterOneRefetchAndARotatedKeyIsFoundByIt() {
        Tenant moodle = platform.tenant("rotating");
        assertThat(verify(moodle, UnaryOperator.identity()).subject()).isEqualTo("sub-42");
        String unknown = TestPlatform.sign(
                moodle.unpublishedKey(), moodle.claims(person(), NONCE).build());
        assertRefused(moodle, unknown, Reason.UNKNOWN_KEY);

        Tenant canvas = platform.tenant("rotated");
        assertThat(verify(canvas, UnaryOperator.identity()).subject())
                .as("the key set is now cached")
                .isEqualTo("sub-42");
        canvas.rotate();
        assertThat(verify(canvas, UnaryOperator.identity()).subject())
                .as("the new kid makes one refetch")
                .isEqualTo("sub-42");
    }

    @Test
    void otherAlgorithmsAndUnsignedTokensAreRefused() throws Exception {
        Tenant moodle = platform.tenant("algorithms");
        JWTClaimsSet claims = moodle.claims(person(), NONCE).build();
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(moodle.signingKey().getKeyID())
                        .build(),
                claims);
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused(moodle, hmac.serialize(), Reason.SIGNATURE);
        assertRefused(moodle, new PlainJWT(claims).serialize(), Reason.TOKEN);
        assertRefused(moodle, "not a token", Reason.TOKEN);
        assertRefused(moodle, (String) null, Reason.TOKEN);
        String noKid = TestPlatform.sign(withKid(moodle.signingKey(), null), claims);
        assertRefused(moodle, noKid, Reason.SIGNATURE);
    }

    @Test
    void theIssuerMustBeExactlyTheRegisteredOne() {
        Tenant moodle = platform.tenant("issuer");
        assertRefused(moodle, c -> c.issuer(moodle.issuer() + "/"), Reason.ISSUER);
        assertRefused(moodle, c -> c.issuer(null), Reason.ISSUER);
    }

    @Test
    void theAudienceMustNameDodamAndAzpMustWhenThereAreSeveral() {
        Tenant moodle = platform.tenant("audience");
        assertRefused(moodle, c -> c.audience("another-tool"), Reason.AUDIENCE);
        assertRefused(
                moodle,
                c -> c.audience(List.of(moodle.clientId(), "another-tool")).claim("azp", null),
                Reason.AUDIENCE);
        assertRefused(
                moodle,
                c -> c.audience(List.of(moodle.clientId(), "another-tool")).claim("azp", "another-tool"),
                Reason.AUDIENCE);
        assertThat(verify(
                                moodle,
                                c -> c.audience(List.of("another-tool", moodle.clientId()))
                                        .claim("azp", moodle.clientId()))
                        .subject())
                .isEqualTo("sub-42");
        assertThat(verify(moodle, c -> c.claim("azp", null)).subject())
                .as("one audience, no azp")
                .isEqualTo("sub-42");
    }

    @Test
    void expiredOrFutureTokensAreRefusedBeyondAMinuteOfLeeway() {
        Tenant moodle = platform.tenant("times");
        Instant now = Instant.now();
        assertRefused(moodle, c -> c.expirationTime(Date.from(now.minusSeconds(61))), Reason.EXPIRED);
        assertThat(verify(moodle, c -> c.expirationTime(Date.from(now.minusSeconds(30))))
                        .subject())
                .isEqualTo("sub-42");
        assertRefused(moodle, c -> c.issueTime(Date.from(now.plusSeconds(120))), Reason.EXPIRED);
        assertRefused(moodle, c -> c.expirationTime(null), Reason.EXPIRED);
        assertRefused(moodle, c -> c.issueTime(null), Reason.EXPIRED);
    }

    @Test
    void theNonceMustBeThisLoginsOwn() {
        Tenant moodle = platform.tenant("nonce");
        assertRefused(moodle, c -> c.claim("nonce", "another-nonce"), Reason.NONCE);
        assertRefused(moodle, c -> c.claim("nonce", null), Reason.NONCE);
    }

    @Test
    void theDeploymentVersionMessageTypeAndRoleMustBeOnesDodamTakes() {
        Tenant moodle = platform.tenant("lti-claims");
        assertRefused(
                moodle, c -> c.claim(TestPlatform.LTI + "deployment_id", "unregistered"), Reason.UNKNOWN_DEPLOYMENT);
        assertRefused(moodle, c -> c.claim(TestPlatform.LTI + "deployment_id", null), Reason.UNKNOWN_DEPLOYMENT);
        assertRefused(moodle, c -> c.claim(TestPlatform.LTI + "version", "1.1"), Reason.VERSION);
        assertRefused(
                moodle,
                c -> c.claim(TestPlatform.LTI + "message_type", "LtiSubmissionReviewRequest"),
                Reason.MESSAGE_TYPE);
        assertRefused(moodle, c -> c.claim(TestPlatform.LTI + "resource_link", null), Reason.CLAIMS);
        assertRefused(moodle, c -> c.subject(null), Reason.CLAIMS);
        assertRefused(
                moodle, c -> c.claim(TestPlatform.LTI + "roles", List.of(TestPlatform.INSTITUTION_ADMIN)), Reason.ROLE);
        assertThat(verify(moodle, c -> c.claim(TestPlatform.LTI + "roles", List.of(TestPlatform.TEACHING_ASSISTANT)))
                        .role())
                .isEqualTo(LaunchRole.INSTRUCTOR);
        assertThat(verify(moodle, c -> c.claim(TestPlatform.LTI + "context", null))
                        .contextId())
                .as("a launch outside a course")
                .isNull();
    }

    @Test
    void aDeepLinkingRequestComesFromAnInstructorWithAReturnAddressForResourceLinks() {
        Tenant moodle = platform.tenant("deep-linking");
        moodle.deepLinking(true, false);
        UnaryOperator<JWTClaimsSet.Builder> teacher =
                c -> c.claim(TestPlatform.LTI + "roles", List.of(TestPlatform.INSTRUCTOR));
        LaunchClaims claims = verify(moodle, teacher);
        assertThat(claims.deepLinking().returnUrl()).isEqualTo(moodle.deepLinkReturnUrl());
        assertThat(claims.deepLinking().data()).isEqualTo("data-deep-linking");
        assertThat(claims.deepLinking().acceptMultiple()).isFalse();
        assertThat(claims.resourceLinkId())
                .as("a deep linking request names no link")
                .isNull();
        assertThat(claims.lineItem()).isNull();
        assertRefused(moodle, UnaryOperator.identity(), Reason.DEEP_LINKING_ROLE);
        assertRefused(moodle, c -> teacher.apply(c).claim(TestPlatform.DEEP_LINKING_SETTINGS, null), Reason.CLAIMS);
        assertRefused(
                moodle,
                c -> teacher.apply(c)
                        .claim(
                                TestPlatform.DEEP_LINKING_SETTINGS,
                                Map.of(
                                        "deep_link_return_url",
                                        "http://platform.example/return",
                                        "accept_types",
                                        List.of("ltiResourceLink"))),
                Reason.CLAIMS);
        assertRefused(
                moodle,
                c -> teacher.apply(c)
                        .claim(
                                TestPlatform.DEEP_LINKING_SETTINGS,
                                Map.of(
                                        "deep_link_return_url",
                                        moodle.deepLinkReturnUrl(),
                                        "accept_types",
                                        List.of("file", "html"))),
                Reason.CLAIMS);
        assertThat(verify(platform.tenant("resource-link"), UnaryOperator.identity())
                        .deepLinking())
                .isNull();
    }

    private static Person person() {
        return new Person(
                "sub-42",
                "Minji Kim",
                List.of(TestPlatform.LEARNER),
                "course-7",
                "Digital citizenship 7",
                "http://127.0.0.1:9/student/lesson.xhtml?id=dont-pass-it-on",
                Map.of("lesson", "dont-pass-it-on"),
                "ko-KR");
    }

    private static LaunchClaims verify(Tenant tenant, UnaryOperator<JWTClaimsSet.Builder> change) {
        return verifier()
                .verify(
                        registration(tenant),
                        tenant.sign(change.apply(tenant.claims(person(), NONCE)).build()),
                        NONCE::equals);
    }

    private static void assertRefused(Tenant tenant, UnaryOperator<JWTClaimsSet.Builder> change, Reason reason) {
        assertRefused(
                tenant, tenant.sign(change.apply(tenant.claims(person(), NONCE)).build()), reason);
    }

    private static void assertRefused(Tenant tenant, String token, Reason reason) {
        assertThatThrownBy(() -> verifier().verify(registration(tenant), token, NONCE::equals))
                .isInstanceOfSatisfying(
                        LaunchRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private static final PlatformKeySets KEY_SETS = new PlatformKeySets();

    private static LaunchVerifier verifier() {
        LaunchVerifier verifier = new LaunchVerifier();
        verifier.keySets = KEY_SETS;
        verifier.clock = Clock.systemUTC();
        return verifier;
    }

    private static Registration registration(Tenant tenant) {
        return new Registration(
                1,
                1,
                "Test",
                tenant.issuer(),
                tenant.clientId(),
                List.of(tenant.deploymentId()),
                tenant.authUrl(),
                tenant.tokenUrl(),
                tenant.jwksUrl(),
                false);
    }

    private static com.nimbusds.jose.jwk.RSAKey withKid(com.nimbusds.jose.jwk.RSAKey key, String kid) {
        return new com.nimbusds.jose.jwk.RSAKey.Builder(key).keyID(kid).build();
    }
}
