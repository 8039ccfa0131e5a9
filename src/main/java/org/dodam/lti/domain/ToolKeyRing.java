package org.dodam.lti.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dodam's signing keys at one moment: which one signs, which ones the key set publishes. The newest key that is
 * not retired signs. Rotating retires every signing key (two instances of a cluster may each have made one at
 * their first start) with a grace period, during which they stay published, and the new key signs from then on.
 * A key past its grace period is no longer published; it is kept in the table, which costs nothing and tells an
 * operator which keys once signed.
 */
public final class ToolKeyRing {

    /** How long a retired key stays in the key set: far longer than any platform caches a key set or a token lives. */
    public static final Duration GRACE = Duration.ofDays(7);

    private final List<ToolKey> keys;

    public ToolKeyRing(List<ToolKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The key that signs now: the newest one not retired. */
    public Optional<ToolKey> signing() {
        return keys.stream()
                .filter(ToolKey::signs)
                .max(Comparator.comparing(ToolKey::createdAt).thenComparing(ToolKey::kid));
    }

    /** The keys Dodam's key set shows at {@code now}, the signing one first. */
    public List<ToolKey> published(Instant now) {
        return keys.stream()
                .filter(k -> k.publishedAt(now))
                .sorted(Comparator.comparing(ToolKey::signs)
                        .thenComparing(ToolKey::createdAt)
                        .reversed())
                .toList();
    }

    /** Whether the signing key is older than {@code maxAge} at {@code now}, and so due to be replaced. */
    public boolean rotationDue(Instant now, Duration maxAge) {
        return signing().map(k -> k.createdAt().plus(maxAge).isBefore(now)).orElse(false);
    }

    /**
     * Makes {@code next} the signing key: every key that signed until now is retired at {@code now} and stays
     * published for {@code grace}. Returns the ring with the new key in it (the caller stores the new key).
     */
    public ToolKeyRing rotateTo(ToolKey next, Instant now, Duration grace) {
        Objects.requireNonNull(next, "next");
        keys.stream().filter(ToolKey::signs).forEach(k -> k.retire(now, grace));
        return new ToolKeyRing(java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of(next))
                .toList());
    }

    /**
     * Keeps one signing key where instances starting together each made one: all but the newest are retired with
     * the grace period, so what they may have signed still checks. Returns whether anything changed.
     */
    public boolean keepOneSigning(Instant now, Duration grace) {
        Optional<ToolKey> newest = signing();
        boolean changed = false;
        for (ToolKey key : keys) {
            if (key.signs() && key != newest.orElseThrow()) {
                key.retire(now, grace);
                changed = true;
            }
        }
        return changed;
    }
}
