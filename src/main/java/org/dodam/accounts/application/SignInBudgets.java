package org.dodam.accounts.application;

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
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.dodam.platform.crypto.MasterKey;

/**
 * Failure budgets for signing in, which slow guessing down without letting anyone lock a person out.
 *
 * <p>Nobody is ever refused for good, and nobody waits because of someone else's failures alone: a client (an
 * address, as {@code ClientAddress} reads it through the trusted proxies) waits only for failures it made
 * itself. What others do only decides how many of its own failures are free:
 * <ul>
 * <li><b>client and account</b>: a client may fail DODAM_SIGNIN_ACCOUNT_FAILURES times on one account, then
 *     waits a second, doubling with each further failure, up to DODAM_SIGNIN_MAX_DELAY_SECONDS;</li>
 * <li><b>client</b>: a client may fail DODAM_SIGNIN_CLIENT_FAILURES times across all accounts before every one
 *     of its attempts waits in the same way. This is what stops password spraying (a few passwords tried on
 *     every account). Failures on an account that the same client then signs in to are forgiven, so a
 *     classroom behind one school address that mistypes and then gets it right costs nothing;</li>
 * <li><b>account</b>: once an account has had DODAM_SIGNIN_ATTACK_FAILURES failures from anyone, each client
 *     has only one free failure on it; a client that has not failed on it still goes straight in;</li>
 * <li><b>overall</b>: once the installation has had DODAM_SIGNIN_OVERALL_FAILURES failures, the same holds for
 *     every account, and a client's allowance across accounts falls to a quarter (logged once per window).</li>
 * </ul>
 * Failures are remembered until DODAM_SIGNIN_WINDOW_SECONDS pass without a new one. Staff accounts (teachers,
 * counsellors, admins) are never slowed by the client budget, which a pupil spraying from the school's own
 * address would otherwise spend for them, and never wait more than {@link #STAFF_MAX_DELAY}: an urgent report
 * must not find its counsellor locked out.
 *
 * <p>A waiting client's attempt is answered without checking the password at all, so waiting costs the server
 * nothing (no password hash) and tells the guesser nothing. Counts live in {@link FailureCounts} under keyed
 * hashes of the address and the username, never the address or the name itself.
 */
@ApplicationScoped
public class SignInBudgets {

    private static final Logger LOG = Logger.getLogger(SignInBudgets.class.getName());

    /** The first wait once an allowance is spent; it doubles with every further failure. */
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    /** The longest a member of staff ever waits, whoever else fails on their account or from their address. */
    public static final Duration STAFF_MAX_DELAY = Duration.ofMinutes(1);

    private static final String OVERALL = "overall";

    @Inject
    Clock clock;

    @Inject
    MasterKey masterKey;

    @Inject
    AccountsSettings settings;

    private int accountFailures;
    private int clientFailures;
    private int attackFailures;
    private int overallFailures;
    private Duration window;
    private Duration maxDelay;
    private FailureCounts counts;
    private SecretKey key;
    private volatile Instant overallLoggedUntil = Instant.EPOCH;

    /** The allowances (DODAM_SIGNIN_*, read by {@link AccountsSettings}). */
    public record Allowances(
            int accountFailures,
            int clientFailures,
            int attackFailures,
            int overallFailures,
            Duration window,
            Duration maxDelay) {}

    /** Budgets outside the container, for tests. */
    public static SignInBudgets forTesting(Clock clock, Allowances allowances) {
        SignInBudgets budgets = new SignInBudgets();
        budgets.clock = clock;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        budgets.use(allowances, new SecretKeySpec(random, "HmacSHA256"));
        return budgets;
    }

    @PostConstruct
    void start() {
        use(settings.signIn(), masterKey.derive("sign-in failure counts"));
    }

    private void use(Allowances allowances, SecretKey countKey) {
        accountFailures = allowances.accountFailures();
        clientFailures = allowances.clientFailures();
        attackFailures = allowances.attackFailures();
        overallFailures = allowances.overallFailures();
        window = allowances.window();
        maxDelay = allowances.maxDelay();
        key = countKey;
        counts = new FailureCounts(allowances.window());
    }

    /**
     * How long this client must still wait before its attempt on this username is checked; zero when it may
     * try now. {@code staff} says whether the username belongs to a member of staff.
     */
    public Duration waitBefore(String client, String username, boolean staff) {
        Instant now = clock.instant();
        Keys keys = keys(client, username);
        boolean everywhere = counts.get(OVERALL, now).failures() >= overallFailures;
        boolean attacked = everywhere || counts.get(keys.account(), now).failures() >= attackFailures;
        FailureCounts.Count pair = counts.get(keys.pair(), now);
        Instant until = pair.latest().plus(backoff(pair.failures() - (attacked ? 1 : accountFailures)));
        if (!staff) {
            FailureCounts.Count fromClient = counts.get(keys.client(), now);
            int allowance = everywhere ? Math.max(1, clientFailures / 4) : clientFailures;
            Instant clientUntil = fromClient.latest().plus(backoff(fromClient.failures() - allowance));
            until = clientUntil.isAfter(until) ? clientUntil : until;
        }
        Duration wait = now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        return staff && wait.compareTo(STAFF_MAX_DELAY) > 0 ? STAFF_MAX_DELAY : wait;
    }

    /** A wrong password (or an unknown username) from this client. */
    public void failed(String client, String username) {
        Instant now = clock.instant();
        Keys keys = keys(client, username);
        counts.add(keys.pair(), now);
        counts.add(keys.client(), now);
        counts.add(keys.account(), now);
        if (counts.add(OVERALL, now).failures() == overallFailures && now.isAfter(overallLoggedUntil)) {
            overallLoggedUntil = now.plus(window);
            LOG.warning("Sign-in failures across Dodam reached " + overallFailures + ": until they stop for "
                    + window.toSeconds()
                    + " s, every failing client has a smaller allowance (DODAM_SIGNIN_OVERALL_FAILURES).");
        }
    }

    /**
     * The right password from this client: its failures on this account are forgiven, on the account and in its
     * count across accounts. The account's own count stays, since others may still be guessing at it.
     */
    public void succeeded(String client, String username) {
        Instant now = clock.instant();
        Keys keys = keys(client, username);
        int forgiven = counts.get(keys.pair(), now).failures();
        counts.remove(keys.pair());
        counts.forgive(keys.client(), forgiven);
    }

    private Duration backoff(int beyondAllowance) {
        if (beyondAllowance < 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(beyondAllowance, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Keys keys(String client, String username) {
        String account = AccountRules.normalizeUsername(username);
        String address = client == null ? "" : client;
        return new Keys(hash("pair|" + address + "|" + account), hash("client|" + address), hash("account|" + account));
    }

    private String hash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Keys(String pair, String client, String account) {}
}
