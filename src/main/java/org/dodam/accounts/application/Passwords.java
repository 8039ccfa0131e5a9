package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks passwords as OWASP's Password Storage Cheat Sheet recommends first: Argon2id with its minimum
 * parameters, 19 MiB of memory ({@code m=19456} KiB), 2 passes and 1 lane, a 16-byte random salt and a 32-byte
 * hash, stored as the standard PHC string {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (Base64 without
 * padding). Argon2id comes from Bouncy Castle's {@link Argon2BytesGenerator}.
 *
 * <p>A stored hash is checked with its own parameters, so they can be raised later: {@link #needsRehash} says when
 * a stored hash is weaker than the current parameters, and the identity store then replaces it at the next
 * successful sign-in ({@link PasswordUpgrades}). Hashes made before Argon2id, by the container's
 * {@code Pbkdf2PasswordHash} ({@code PBKDF2WithHmacSHA512:210000:<salt>:<hash>}, standard Base64), are still
 * checked, with the JDK's PBKDF2, and always need a rehash.
 *
 * <p>Each Argon2id hash holds 19 MiB while it runs, so at most one hash per processor runs at a time, in a fair
 * queue: 200 students signing in at once wait for their turn instead of taking 3.8 GB of a 512 MB heap, and the
 * memory the hashes use is kept between them ({@link Argon2BytesGenerator.FixedBlockPool}).
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    /** OWASP's first recommendation for Argon2id: m = 19 MiB, t = 2, p = 1. */
    static final Argon2 CURRENT = new Argon2(19 * 1024, 2, 1);

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    /** Bounds on what a stored string may ask for, so that a damaged or planted one cannot exhaust the server. */
    private static final int MAX_MEMORY_KIB = 64 * 1024;

    private static final int MAX_PASSES = 64;
    private static final int MAX_LANES = 16;
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Pattern PBKDF2 = Pattern.compile(
            "(PBKDF2WithHmacSHA(?:224|256|384|512)):(\\d{1,8}):([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})");
    private static final Set<Integer> PBKDF2_KEY_BYTES = Set.of(16, 24, 28, 32, 48, 64);

    /** Temporary passwords avoid look-alike characters, so they can be read out or copied by hand. */
    private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final int permits = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final Semaphore hashing = new Semaphore(permits, true);
    private final Argon2BytesGenerator.BlockPool blocks = new Argon2BytesGenerator.FixedBlockPool(
            permits * Argon2BytesGenerator.getBlockCount(CURRENT.memoryKib(), CURRENT.lanes()));

    @Inject
    SecureRandom random;

    private volatile String unknownUserHash;
    private volatile String unusableHash;

    /** For CDI, which injects the random source. */
    protected Passwords() {}

    /** For code without the container (tests, the district generator). */
    public Passwords(SecureRandom random) {
        this.random = random;
    }

    public String temporary() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }

    /** A new Argon2id hash of the password with the current parameters, as a PHC string. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(utf8(password), salt, CURRENT, HASH_BYTES);
        return "$argon2id$v=19$m=" + CURRENT.memoryKib() + ",t=" + CURRENT.passes() + ",p=" + CURRENT.lanes() + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the password is the one the stored hash was made from, checked with the stored hash's own algorithm
     * and parameters. A stored string that is no hash this class knows, or is damaged, matches nothing (and costs
     * the time of a current hash, like a wrong password).
     */
    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            spend(password == null ? "" : password);
            return false;
        }
        Optional<StoredArgon2> argon2 = StoredArgon2.parse(storedHash);
        if (argon2.isPresent()) {
            StoredArgon2 stored = argon2.get();
            return MessageDigest.isEqual(
                    argon2id(utf8(password), stored.salt(), stored.parameters(), stored.hash().length), stored.hash());
        }
        Matcher pbkdf2 = PBKDF2.matcher(storedHash);
        if (pbkdf2.matches()) {
            return matchesPbkdf2(password, pbkdf2);
        }
        spend(password);
        return false;
    }

    /**
     * Whether a stored hash should be replaced by a new one with the current parameters once its password is known:
     * any hash that is not Argon2id (the container's PBKDF2), and an Argon2id hash with less memory, fewer passes,
     * fewer lanes, a shorter salt or a shorter hash than the current ones. An unreadable string needs none, since
     * no password matches it.
     */
    public boolean needsRehash(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        Optional<StoredArgon2> argon2 = StoredArgon2.parse(storedHash);
        if (argon2.isPresent()) {
            Argon2 p = argon2.get().parameters();
            return p.memoryKib() < CURRENT.memoryKib()
                    || p.passes() < CURRENT.passes()
                    || p.lanes() < CURRENT.lanes()
                    || argon2.get().salt().length < SALT_BYTES
                    || argon2.get().hash().length < HASH_BYTES;
        }
        return PBKDF2.matcher(storedHash).matches();
    }

    /**
     * A hash no password matches, for an account whose person signs in elsewhere (their school's learning platform):
     * the hash of 256 random bits that were never kept. It is a real hash, so a password tried against such an
     * account fails like any wrong password, in the same time. One per instance, made when first needed.
     */
    public String unusable() {
        String made = unusableHash;
        if (made == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            made = hash(HexFormat.of().formatHex(secret));
            unusableHash = made;
        }
        return made;
    }

    /** Verifies against a throw-away hash, so an unknown username takes as long as a known one. */
    public void spendTimeOnUnknownUser(String password) {
        spend(password == null ? "" : password);
    }

    private void spend(String password) {
        String dummy = unknownUserHash;
        if (dummy == null) {
            dummy = hash("unknown-user-" + System.nanoTime());
            unknownUserHash = dummy;
        }
        matches(password, dummy);
    }

    private boolean matchesPbkdf2(String password, Matcher stored) {
        try {
            int iterations = Integer.parseInt(stored.group(2));
            byte[] salt = Base64.getDecoder().decode(stored.group(3));
            byte[] expected = Base64.getDecoder().decode(stored.group(4));
            if (iterations < 1
                    || iterations > MAX_PBKDF2_ITERATIONS
                    || salt.length < 8
                    || !PBKDF2_KEY_BYTES.contains(expected.length)) {
                spend(password);
                return false;
            }
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8);
            byte[] actual;
            acquire();
            try {
                actual = SecretKeyFactory.getInstance(stored.group(1))
                        .generateSecret(spec)
                        .getEncoded();
            } finally {
                hashing.release();
                spec.clearPassword();
            }
            return MessageDigest.isEqual(actual, expected);
        } catch (IllegalArgumentException | GeneralSecurityException unreadable) {
            spend(password);
            return false;
        }
    }

    /** Argon2id (version 0x13) of the password, in turn with the other hashes ({@link #hashing}). */
    byte[] argon2id(byte[] password, byte[] salt, Argon2 parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.passes())
                .withParallelism(parameters.lanes())
                .withSalt(salt)
                .withBlockPool(blocks)
                .build());
        byte[] out = new byte[length];
        acquire();
        try {
            generator.generateBytes(password, out);
        } finally {
            hashing.release();
            Arrays.fill(password, (byte) 0);
        }
        return out;
    }

    private void acquire() {
        // Uninterruptible: a sign-in waits its turn rather than failing; the sign-in throttle bounds the queue.
        hashing.acquireUninterruptibly();
    }

    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** Argon2id's cost parameters: memory in KiB, passes (t) and lanes (p). */
    record Argon2(int memoryKib, int passes, int lanes) {}

    /** A stored PHC string, read and checked against the bounds. */
    private record StoredArgon2(Argon2 parameters, byte[] salt, byte[] hash) {

        static Optional<StoredArgon2> parse(String stored) {
            Matcher phc = PHC.matcher(stored);
            if (!phc.matches()) {
                return Optional.empty();
            }
            try {
                Argon2 parameters = new Argon2(
                        Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
                byte[] salt = Base64.getDecoder().decode(phc.group(4));
                byte[] hash = Base64.getDecoder().decode(phc.group(5));
                boolean sane = parameters.lanes() >= 1
                        && parameters.lanes() <= MAX_LANES
                        && parameters.passes() >= 1
                        && parameters.passes() <= MAX_PASSES
                        && parameters.memoryKib() >= 8 * parameters.lanes()
                        && parameters.memoryKib() <= MAX_MEMORY_KIB
                        && salt.length >= 8
                        && salt.length <= 64
                        && hash.length >= 16
                        && hash.length <= 64;
                return sane ? Optional.of(new StoredArgon2(parameters, salt, hash)) : Optional.empty();
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }
    }
}
