package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.dodam.platform.web.ClientAddress;
import org.dodam.reports.ReportTextsTest.MutableClock;
import org.dodam.reports.application.ClientThrottle;
import org.dodam.reports.application.FormTokens;
import org.dodam.reports.application.FormTokens.Outcome;
import org.dodam.reports.domain.CaseIds;
import org.junit.jupiter.api.Test;

/** The pieces that keep reporting open under a flood and say nothing about order: plain Java, a fixed clock. */
class ReportFloodTest {

    static final String SCHOOL_LINK = "a1b2c3d4e5f6a1b2c3d4e5f6";

    @Test
    void aFloodingClientMustWaitLongerAndLongerButIsNeverRefusedAndOthersAreNotSlowed() {
        MutableClock clock = new MutableClock();
        ClientThrottle throttle = ClientThrottle.forTesting(clock, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.minimumFormAge(1, "198.51.100.7")).isZero();
            throttle.reportSent(1, "198.51.100.7");
        }
        assertThat(throttle.minimumFormAge(1, "198.51.100.7")).isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            throttle.reportSent(1, "198.51.100.7");
        }
        assertThat(throttle.minimumFormAge(1, "198.51.100.7")).isEqualTo(Duration.ofMinutes(2));
        for (int i = 0; i < 60; i++) {
            throttle.reportSent(1, "198.51.100.7");
        }
        assertThat(throttle.minimumFormAge(1, "198.51.100.7")).isEqualTo(Duration.ofMinutes(30));
        assertThat(throttle.minimumFormAge(1, "198.51.100.8"))
                .as("another client")
                .isZero();
        assertThat(throttle.minimumFormAge(2, "198.51.100.7"))
                .as("the same client at another school")
                .isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(throttle.minimumFormAge(1, "198.51.100.7"))
                .as("forgotten after the hour")
                .isZero();
    }

    @Test
    void aFloodAtOneSchoolAsksEveryoneThereForAMinuteAndIsNoticedOnce() {
        ClientThrottle throttle = ClientThrottle.forTesting(new MutableClock(), 10, 5);
        int started = 0;
        for (int i = 0; i < 8; i++) {
            if (throttle.reportSent(1, "203.0.113." + i)) {
                started++;
            }
        }
        assertThat(started).as("the flood is noticed once").isEqualTo(1);
        assertThat(throttle.flooded(1)).isTrue();
        assertThat(throttle.minimumFormAge(1, "203.0.113.200")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.minimumFormAge(2, "203.0.113.200")).isZero();
    }

    @Test
    void formTokensAreIssuedByTheServerUsedOnceAndCarryTheirAge() {
        MutableClock clock = new MutableClock();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FormTokens tokens = FormTokens.forTesting(key, new SecureRandom(), clock);
        String token = tokens.issue(SCHOOL_LINK);

        assertThat(tokens.use(token, SCHOOL_LINK, Duration.ofMinutes(1)).outcome())
                .isEqualTo(Outcome.TOO_SOON);
        assertThat(tokens.use(token, SCHOOL_LINK, Duration.ofMinutes(1)).waitSeconds())
                .isBetween(59L, 61L);
        clock.now = clock.now.plusSeconds(61);
        assertThat(tokens.use(token, "ffffffffffffffffffffffff", Duration.ZERO).outcome())
                .as("another school's link")
                .isEqualTo(Outcome.FORGED);
        assertThat(tokens.use(token, SCHOOL_LINK, Duration.ofMinutes(1)).outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(tokens.use(token, SCHOOL_LINK, Duration.ZERO).outcome())
                .as("a second use")
                .isEqualTo(Outcome.USED);
        tokens.release(token);
        assertThat(tokens.use(token, SCHOOL_LINK, Duration.ZERO).outcome())
                .as("released after a refusal")
                .isEqualTo(Outcome.ACCEPTED);

        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertThat(tokens.use(tampered, SCHOOL_LINK, Duration.ZERO).outcome()).isEqualTo(Outcome.FORGED);
        assertThat(tokens.use("made-up-by-a-hostile-page-0123456789", SCHOOL_LINK, Duration.ZERO)
                        .outcome())
                .isEqualTo(Outcome.FORGED);
        assertThat(tokens.use(null, SCHOOL_LINK, Duration.ZERO).outcome()).isEqualTo(Outcome.FORGED);
        FormTokens otherKey = FormTokens.forTesting(new byte[32], new SecureRandom(), clock);
        assertThat(otherKey.use(tokens.issue(SCHOOL_LINK), SCHOOL_LINK, Duration.ZERO)
                        .outcome())
                .isEqualTo(Outcome.FORGED);

        String old = tokens.issue(SCHOOL_LINK);
        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(tokens.use(old, SCHOOL_LINK, Duration.ZERO).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void theClientIsReadFromForwardedForOnlyBehindATrustedProxy() {
        ClientAddress none = ClientAddress.trusting(null);
        assertThat(none.of(request("127.0.0.1", "198.51.100.7"))).isEqualTo("127.0.0.1");
        ClientAddress proxy = ClientAddress.trusting("127.0.0.1, 10.0.0.0/8, ::1");
        assertThat(proxy.of(request("127.0.0.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(proxy.of(request("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3")))
                .as("right-most untrusted hop")
                .isEqualTo("198.51.100.7");
        assertThat(proxy.of(request("203.0.113.9", "198.51.100.7")))
                .as("a header from an untrusted peer is ignored")
                .isEqualTo("203.0.113.9");
        assertThat(proxy.of(request("10.20.30.40", null))).isEqualTo("10.20.30.40");
        assertThat(proxy.of(request("::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(proxy.of(request("127.0.0.1", "10.0.0.1, 127.0.0.1")))
                .as("only proxies: the connection")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void caseIdsAreRandomApartFromTheCounterAndReferencesHaveNoOrder() {
        SecureRandom random = new SecureRandom();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long id = CaseIds.next(random);
            assertThat(id).isGreaterThanOrEqualTo(1L << 52);
            references.add(CaseIds.reference(id));
        }
        assertThat(references).hasSize(10_000);
        assertThat(CaseIds.reference(CaseIds.next(random))).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(CaseIds.reference(155)).isNotEqualTo(CaseIds.reference(156));
    }

    private static jakarta.servlet.http.HttpServletRequest request(String remote, String forwardedFor) {
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                ReportFloodTest.class.getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwardedFor : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
