package org.dodam.reports.application;

import jakarta.annotation.PostConstruct;
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

/**
 * What a flood of reports costs, kept in memory only. Nobody is refused: reporting must stay open to
 * every student even while one of them, behind the same school network, sends junk. Instead a report form
 * must have been open a while before it is accepted ({@link FormTokens} carries when it was issued): not
 * at all normally; a minute once a client has sent DODAM_REPORTS_MAX_PER_HOUR reports in the hour, and
 * twice as long for every further batch (up to half an hour); and a minute for everyone at a school that
 * received DODAM_REPORTS_SCHOOL_FLOOD_PER_HOUR reports in the hour. A person writing a real report
 * barely notices a minute; a script pays it for every report. A client is known by an HMAC of its address
 * (see {@code ClientAddress}) under a key made at start-up and never stored; entries expire with their hour.
 */
@ApplicationScoped
public class ClientThrottle {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration FLOOD_WAIT = Duration.ofMinutes(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(30);

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];

    @Inject
    Clock clock;

    @Inject
    ReportsSettings settings;

    int reportsPerHour;
    int schoolFloodPerHour;

    public ClientThrottle() {
        new SecureRandom().nextBytes(key);
    }

    @PostConstruct
    void read() {
        reportsPerHour = settings.maxPerHour();
        schoolFloodPerHour = settings.schoolFloodPerHour();
    }

    /** A throttle outside the container, for tests. */
    public static ClientThrottle forTesting(Clock clock, int reportsPerHour, int schoolFloodPerHour) {
        ClientThrottle throttle = new ClientThrottle();
        throttle.clock = clock;
        throttle.reportsPerHour = reportsPerHour;
        throttle.schoolFloodPerHour = schoolFloodPerHour;
        return throttle;
    }

    /** How long a report form of this school, sent by this client, must have been open to be accepted. */
    public Duration minimumFormAge(long schoolId, String clientAddress) {
        Instant now = clock.instant();
        int client = count(id("client|" + schoolId + "|" + clientAddress), now);
        Duration wait = Duration.ZERO;
        if (client >= reportsPerHour) {
            int doublings = Math.min(10, (client - reportsPerHour) / Math.max(1, reportsPerHour));
            wait = FLOOD_WAIT.multipliedBy(1L << doublings);
            if (wait.compareTo(MAX_WAIT) > 0) {
                wait = MAX_WAIT;
            }
        }
        if (flooded(schoolId) && wait.compareTo(FLOOD_WAIT) < 0) {
            wait = FLOOD_WAIT;
        }
        return wait;
    }

    /** Counts an accepted report; true when it is the one that made this hour a flood for the school. */
    public boolean reportSent(long schoolId, String clientAddress) {
        Instant now = clock.instant();
        add(id("client|" + schoolId + "|" + clientAddress), now);
        return add("school|" + schoolId, now) == schoolFloodPerHour;
    }

    public boolean flooded(long schoolId) {
        return count("school|" + schoolId, clock.instant()) >= schoolFloodPerHour;
    }

    private int count(String id, Instant now) {
        Window w = windows.get(id);
        return w == null || w.expired(now) ? 0 : w.count;
    }

    private int add(String id, Instant now) {
        Window updated = windows.compute(
                id,
                (k, w) -> w == null || w.expired(now)
                        ? new Window(1, now.plus(WINDOW))
                        : new Window(w.count + 1, w.until));
        if (windows.size() > 50_000) {
            windows.values().removeIf(w -> w.expired(now));
        }
        return updated.count;
    }

    private String id(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
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
