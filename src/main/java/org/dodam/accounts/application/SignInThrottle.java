package org.dodam.accounts.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.dodam.platform.DodamConfig;

/**
 * Slows down password guessing per username, in memory only: after too many failures in a row the
 * username is locked for a while. It keys on a hash of the username, never on an IP address, and
 * forgets an entry once its lock-out has passed.
 */
@ApplicationScoped
public class SignInThrottle {

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    @Inject
    DodamConfig config;

    @Inject
    Clock clock;

    private int maxFailures;
    private Duration lockout;

    /** A throttle outside the container, for tests. */
    public static SignInThrottle forTesting(Clock clock, int maxFailures, int lockoutSeconds) {
        SignInThrottle throttle = new SignInThrottle();
        throttle.clock = clock;
        throttle.maxFailures = maxFailures;
        throttle.lockout = Duration.ofSeconds(lockoutSeconds);
        return throttle;
    }

    @PostConstruct
    void configure() {
        maxFailures = config.signInMaxFailures();
        lockout = Duration.ofSeconds(config.signInLockoutSeconds());
    }

    public boolean locked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil != null && clock.instant().isBefore(f.lockedUntil);
    }

    public void failed(String username) {
        Instant now = clock.instant();
        Duration window = lockout;
        failures.compute(key(username), (k, f) -> {
            Failures next = f == null || f.expired(now, window) ? new Failures(0, now, null) : f;
            int count = next.count + 1;
            Instant lockedUntil = count >= maxFailures ? now.plus(window) : null;
            return new Failures(count, now, lockedUntil);
        });
        if (failures.size() > 10_000) {
            failures.values().removeIf(f -> f.expired(now, window));
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(username.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
        boolean expired(Instant now, Duration window) {
            Instant end = lockedUntil != null ? lockedUntil : last.plus(window);
            return !now.isBefore(end);
        }
    }
}
