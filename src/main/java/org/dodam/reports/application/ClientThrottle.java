package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits for the public report pages, kept in memory only. A client is known by an HMAC of its
 * address under a key made at start-up and never stored, so the map holds no address and its keys mean
 * nothing after a restart; entries expire with their window. Reports are limited per client, and so are
 * wrong receipt codes, the guessing that matters.
 */
@ApplicationScoped
public class ClientThrottle {

    public enum Kind { REPORT, WRONG_CODE }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "dodam.reports.max-per-hour", defaultValue = "10")
    int reportsPerHour;

    @Inject
    @ConfigProperty(name = "dodam.reports.max-wrong-codes", defaultValue = "10")
    int wrongCodesPerWindow;

    private static final Duration REPORT_WINDOW = Duration.ofHours(1);
    private static final Duration CODE_WINDOW = Duration.ofMinutes(15);

    public ClientThrottle() {
        new SecureRandom().nextBytes(key);
    }

    /** A throttle outside the container, for tests. */
    public static ClientThrottle forTesting(Clock clock, int reportsPerHour, int wrongCodes) {
        ClientThrottle throttle = new ClientThrottle();
        throttle.clock = clock;
        throttle.reportsPerHour = reportsPerHour;
        throttle.wrongCodesPerWindow = wrongCodes;
        return throttle;
    }

    public boolean allowed(Kind kind, String clientAddress) {
        Window w = windows.get(id(kind, clientAddress));
        return w == null || w.expired(clock.instant()) || w.count < limit(kind);
    }

    public void count(Kind kind, String clientAddress) {
        Instant now = clock.instant();
        windows.compute(id(kind, clientAddress), (k, w) -> w == null || w.expired(now)
                ? new Window(1, now.plus(window(kind))) : new Window(w.count + 1, w.until));
        if (windows.size() > 50_000) {
            windows.values().removeIf(w -> w.expired(now));
        }
    }

    private int limit(Kind kind) {
        return kind == Kind.REPORT ? reportsPerHour : wrongCodesPerWindow;
    }

    private static Duration window(Kind kind) {
        return kind == Kind.REPORT ? REPORT_WINDOW : CODE_WINDOW;
    }

    private String id(Kind kind, String clientAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + "|" + clientAddress).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Window(int count, Instant until) {
        boolean expired(Instant now) {
            return !now.isBefore(until);
        }
    }
}
