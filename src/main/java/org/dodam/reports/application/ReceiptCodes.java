package org.dodam.reports.application;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Receipt codes: 16 characters from a 32-letter alphabet without look-alikes (no 0/O, 1/I), which is
 * 80 bits of randomness, shown as {@code XXXX-XXXX-XXXX-XXXX}. Only a slow salted hash (PBKDF2-HMAC-SHA256)
 * is stored. The salt is the school's, not the code's, so that a code can be found by its hash; with 80
 * bits of randomness per code a shared salt costs nothing against guessing.
 */
public final class ReceiptCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 16;
    static final int ITERATIONS = 120_000;

    private ReceiptCodes() {}

    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, without spaces and dashes and in capitals; empty when it cannot be a code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.replaceAll("[\\s\\-–—]", "").toUpperCase(Locale.ROOT);
        if (plain.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < plain.length(); i++) {
            if (ALPHABET.indexOf(plain.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(plain);
    }

    public static String hash(String normalizedCode, String saltHex) {
        try {
            PBEKeySpec spec =
                    new PBEKeySpec(normalizedCode.toCharArray(), HexFormat.of().parseHex(saltHex), ITERATIONS, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            spec.clearPassword();
            return "pbkdf2-sha256:" + ITERATIONS + ":" + HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
