package org.dodam.lti.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.domain.Role;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.platform.DodamException;

/**
 * The answer to a deep linking request (LTI Deep Linking 2.0): the lessons a teacher picked in Dodam's picker become
 * {@code ltiResourceLink} content items, each launching Dodam's launch address with the custom parameter
 * {@code lesson=<id>} (which {@link LaunchArrivals} reads) and carrying a line item of 100 points, so the platform
 * makes the activity and its grade column in one step and {@link GradePassback} has somewhere to send the quiz
 * score. The response is a JWT Dodam signs with its current LTI key: issued by the client id, for the platform's
 * issuer, with the deployment id and the platform's {@code data} echoed back.
 */
@ApplicationScoped
public class DeepLinks {

    /** Where a teacher's deep linking launch lands. */
    public static final String PICKER = "/teacher/lti-pick.xhtml";
    /** How long the platform may take to receive the answer after the teacher picked. */
    static final Duration VALID_FOR = Duration.ofMinutes(10);

    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    @Inject
    PlatformRegistrations registrations;

    @Inject
    Curriculum curriculum;

    @Inject
    ToolKeys toolKeys;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    /** The signed answer and where the teacher's browser posts it (as the form field {@code JWT}). */
    public record Answer(String returnUrl, String jwt, List<String> titles) {}

    /**
     * Answers the request with the picked lessons (students' lessons of the curriculum, in the order picked, each
     * once; none is a valid answer, the teacher cancelling). The titles are in {@code language}; the launch address
     * is Dodam's as the teacher's browser reached it.
     */
    public Answer answer(
            Actor teacher, DeepLinkRequest request, List<String> lessonIds, String language, String launchUrl) {
        if (!teacher.is(Role.TEACHER)) {
            throw DodamException.notFound();
        }
        Registration registration = registrations
                .byId(request.registrationId())
                .filter(r -> r.schoolId() == teacher.schoolId())
                .orElseThrow(DodamException::notFound);
        List<LessonEntry> lessons = new ArrayList<>();
        for (String id : new LinkedHashSet<>(lessonIds)) {
            lessons.add(curriculum.studentLesson(id).orElseThrow(() -> new DodamException("lti.pick.unknownLesson")));
        }
        if (lessons.size() > 1 && !request.settings().acceptMultiple()) {
            throw new DodamException("lti.pick.onlyOne");
        }
        List<Map<String, Object>> items = lessons.stream()
                .map(lesson -> item(lesson, language, launchUrl))
                .toList();
        Instant now = clock.instant();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(registration.clientId())
                .audience(registration.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALID_FOR)))
                .claim("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .claim(LaunchVerifier.DEPLOYMENT_ID, request.deploymentId())
                .claim(LaunchVerifier.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(LaunchVerifier.VERSION, "1.3.0")
                .claim(DL + "content_items", items);
        if (request.settings().data() != null) {
            claims.claim(DL + "data", request.settings().data());
        }
        return new Answer(
                request.settings().returnUrl(),
                sign(claims.build()),
                lessons.stream().map(lesson -> lesson.title(language)).toList());
    }

    private static Map<String, Object> item(LessonEntry lesson, String language, String launchUrl) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", lesson.title(language));
        item.put("url", launchUrl);
        item.put("custom", Map.of("lesson", lesson.id()));
        if (!lesson.document().questions().isEmpty()) {
            item.put(
                    "lineItem",
                    Map.of(
                            "scoreMaximum",
                            100,
                            "label",
                            lesson.title(language),
                            "resourceId",
                            lesson.id(),
                            "tag",
                            "dodam-quiz"));
        }
        return item;
    }

    private String sign(JWTClaimsSet claims) {
        RSAKey key = toolKeys.signingKey();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Dodam's LTI key cannot sign", e);
        }
    }
}
