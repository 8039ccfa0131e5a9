package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers, for an hour and in memory only, the one-time tokens of report forms that were already sent,
 * so a double click or a refresh of the receipt page does not file the same report twice. A token is a
 * random value the form was rendered with; it says nothing about who sent it.
 */
@ApplicationScoped
public class OnceTokens {

    private static final Duration KEEP = Duration.ofHours(1);

    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();

    /** True the first time a token is used; false for a token seen before (or no token at all). */
    public boolean firstUse(String token, Instant now) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{16,64}")) {
            return false;
        }
        if (used.size() > 100_000) {
            used.values().removeIf(at -> at.plus(KEEP).isBefore(now));
        }
        return used.putIfAbsent(digest(token), now) == null;
    }

    /** Lets a token be used again after the report it carried was refused (a mistake to correct). */
    public void release(String token) {
        if (token != null) {
            used.remove(digest(token));
        }
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
