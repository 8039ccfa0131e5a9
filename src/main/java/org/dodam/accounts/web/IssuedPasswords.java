package org.dodam.accounts.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.Accounts.TemporaryPassword;

/**
 * The temporary passwords a teacher has just given out (adding, importing, resetting), kept in the teacher's
 * own session for {@link #HOLD} so that {@link SignInSlipsServlet} can print them as sign-in slips. The server
 * stores no password in plain text anywhere else: the database has only hashes, so a slip can be printed only
 * in this short time after the password was made, and only by the teacher who made it. The map is transient, so
 * a session written to disk or sent to another server never carries a password; it is then simply empty.
 */
@SessionScoped
public class IssuedPasswords implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How long after it was made a temporary password can still be printed. */
    static final Duration HOLD = Duration.ofMinutes(30);

    @Inject
    transient Clock clock;

    private transient Map<Long, Map<Long, Held>> byClass;

    private record Held(TemporaryPassword password, Instant until) {}

    /** Keeps a password just given to a student of this class; a newer one for the same student replaces it. */
    public synchronized void add(long classId, TemporaryPassword password) {
        Instant now = clock.instant();
        if (byClass == null) {
            byClass = new LinkedHashMap<>();
        }
        Map<Long, Held> held = byClass.computeIfAbsent(classId, id -> new LinkedHashMap<>());
        held.remove(password.accountId()); // keeps the order in which they were given out
        held.put(password.accountId(), new Held(password, now.plus(HOLD)));
        byClass.values().forEach(m -> m.values().removeIf(h -> !now.isBefore(h.until())));
    }

    /** The passwords given out for this class and still held, in the order they were given out. */
    public synchronized List<TemporaryPassword> forClass(long classId) {
        Instant now = clock.instant();
        Map<Long, Held> held = byClass == null ? null : byClass.get(classId);
        if (held == null) {
            return List.of();
        }
        held.values().removeIf(h -> !now.isBefore(h.until()));
        return new ArrayList<>(held.values().stream().map(Held::password).toList());
    }
}
