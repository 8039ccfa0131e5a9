package org.dodam.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of short texts and keys. A sealed value is {@code v1.<base64(iv | ciphertext+tag)>}
 * with a fresh 96-bit IV each time. The associated data binds a value to where it belongs (the school and
 * the field), so a sealed text copied into another school's row or another column fails to open.
 */
public final class Sealing {

    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Sealing() {
    }

    public static SecretKey newKey(SecureRandom random) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    public static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static String seal(SecretKey key, String plaintext, String associatedData, SecureRandom random) {
        return sealBytes(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData, random);
    }

    public static String open(SecretKey key, String sealed, String associatedData) {
        return new String(openBytes(key, sealed, associatedData), StandardCharsets.UTF_8);
    }

    public static String sealBytes(SecretKey key, byte[] plaintext, String associatedData, SecureRandom random) {
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ciphertext.length)
                    .put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    public static byte[] openBytes(SecretKey key, String sealed, String associatedData) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealingException("not a sealed value");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealingException("not a sealed value");
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new SealingException("sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealed value does not open with this key and context");
        }
    }

    /** A sealed value that does not open: the wrong key, the wrong place, or tampered with. */
    public static final class SealingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealingException(String message) {
            super(message);
        }
    }
}
