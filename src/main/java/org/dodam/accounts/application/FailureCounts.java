package org.dodam.accounts.application;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one place where sign-in failures are counted: a number and the time of the latest failure per key,
 * forgotten once a window has passed since that latest failure. Keys are opaque (keyed hashes made by
 * {@link SignInBudgets}), never an address or a username. It lives in this instance's memory; a cluster
 * replaces this class alone with a map in its data grid, since every read and write goes through the four
 * methods below, each a single-key operation.
 */
public class FailureCounts {

    /** How many failures under one key, and when the latest one was. */
    public record Count(int failures, Instant latest) {
        static final Count NONE = new Count(0, Instant.EPOCH);
    }

    private static final int TIDY_ABOVE = 100_000;

    private final ConcurrentMap<String, Count> counts = new ConcurrentHashMap<>();
    private final Duration window;

    public FailureCounts(Duration window) {
        this.window = window;
    }

    /** The failures still remembered under this key at {@code now}. */
    public Count get(String key, Instant now) {
        Count count = counts.get(key);
        return count == null || expired(count, now) ? Count.NONE : count;
    }

    /** Counts one more failure under this key and returns the new count. */
    public Count add(String key, Instant now) {
        Count added = counts.compute(
                key, (k, c) -> c == null || expired(c, now) ? new Count(1, now) : new Count(c.failures() + 1, now));
        if (counts.size() > TIDY_ABOVE) {
            counts.values().removeIf(c -> expired(c, now));
        }
        return added;
    }

    /** Takes {@code failures} off the count under this key (never below zero), keeping the time of the latest. */
    public void forgive(String key, int failures) {
        counts.computeIfPresent(
                key, (k, c) -> c.failures() <= failures ? null : new Count(c.failures() - failures, c.latest()));
    }

    public void remove(String key) {
        counts.remove(key);
    }

    private boolean expired(Count count, Instant now) {
        return !now.isBefore(count.latest().plus(window));
    }
}
