package org.dodam.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.dodam.accounts.application.Passwords;

/**
 * What one password check costs on this machine (bench/hash-cost.sh): the container's PBKDF2-HMAC-SHA512 at
 * 210,000 iterations (the format of the hashes made before Argon2id) and Argon2id with OWASP's parameters, both
 * checked by {@link Passwords#matches}, on one thread and on two at once. Prints the median and the 95th
 * percentile of the time per check, and checks per second.
 */
public final class HashCost {

    private HashCost() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Passwords passwords = new Passwords(new SecureRandom());
        String password = "bench-pass-2026";
        String argon2 = passwords.hash(password);
        String pbkdf2 = pbkdf2(password);
        System.out.printf(
                "processors %d, max heap %d MB, %d checks per kind after %d to warm up%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                runs,
                Math.max(3, runs / 4));
        System.out.printf("%-34s %7s %10s %10s %10s%n", "hash", "threads", "p50 ms", "p95 ms", "checks/s");
        for (int threads : new int[] {1, 2}) {
            measure("PBKDF2-HMAC-SHA512, 210,000", threads, runs, () -> passwords.matches(password, pbkdf2));
            measure("Argon2id m=19456 t=2 p=1", threads, runs, () -> passwords.matches(password, argon2));
        }
    }

    private static void measure(String name, int threads, int runs, BooleanSupplier check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> warmUp = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warmUp.add(pool.submit(() -> {
                    for (int i = 0; i < Math.max(3, runs / 4); i++) {
                        require(check);
                    }
                }));
            }
            for (Future<?> f : warmUp) {
                f.get();
            }
            double[] millis = new double[runs * threads];
            List<Future<?>> timed = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t * runs;
                timed.add(pool.submit(() -> {
                    for (int i = 0; i < runs; i++) {
                        long begin = System.nanoTime();
                        require(check);
                        millis[offset + i] = (System.nanoTime() - begin) / 1e6;
                    }
                }));
            }
            for (Future<?> f : timed) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(millis);
            System.out.printf(
                    "%-34s %7d %10.1f %10.1f %10.1f%n",
                    name,
                    threads,
                    millis[millis.length / 2],
                    millis[(int) Math.ceil(millis.length * 0.95) - 1],
                    millis.length / seconds);
        } finally {
            pool.shutdown();
        }
    }

    private static void require(BooleanSupplier check) {
        if (!check.getAsBoolean()) {
            throw new IllegalStateException("the password did not match its own hash");
        }
    }

    /** The container's Pbkdf2PasswordHash format, as Dodam configured it before Argon2id. */
    private static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 256))
                .getEncoded();
        return "PBKDF2WithHmacSHA512:210000:" + java.util.Base64.getEncoder().encodeToString(salt) + ":"
                + java.util.Base64.getEncoder().encodeToString(key);
    }
}
