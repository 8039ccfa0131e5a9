package org.dodam.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of short texts and keys. A sealed value is {@code v2.<key id>.<base64(iv | ciphertext+tag)>}
 * with a fresh 96-bit IV each time. The associated data binds a value to where it belongs (the school and
 * the field), so a sealed text copied into another school's row or another column fails to open. The
 * plaintext is padded to a power of two (at least 64 bytes) behind its length, so a sealed value tells
 * only roughly how long its text is: "yes" and a 40-character sentence seal to the same size. The key id
 * (32 bits of an HMAC of the key, which reveal nothing of it) says which key a value needs, so keys can be
 * rotated. Values sealed before padding ({@code v1.}, no key id) still open.
 */
public final class Sealing {

    private static final String PREFIX = "v1.";
    private static final String PADDED = "v2.";
    private static final int MIN_BUCKET = 64;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Sealing() {}

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
        int bucket = MIN_BUCKET;
        while (bucket < plaintext.length + 4) {
            bucket <<= 1;
        }
        byte[] padded = ByteBuffer.allocate(bucket)
                .putInt(plaintext.length)
                .put(plaintext)
                .array();
        return PADDED + keyId(key) + "." + encrypt(key, padded, PADDED + associatedData, random);
    }

    public static byte[] openBytes(SecretKey key, String sealed, String associatedData) {
        if (sealed != null && sealed.startsWith(PADDED)) {
            int dot = sealed.indexOf('.', PADDED.length());
            if (dot < 0) {
                throw new SealingException("not a sealed value");
            }
            if (!sealed.substring(PADDED.length(), dot).equals(keyId(key))) {
                throw new SealingException("sealed under another key");
            }
            ByteBuffer padded = ByteBuffer.wrap(decrypt(key, sealed.substring(dot + 1), PADDED + associatedData));
            int length = padded.getInt();
            if (length < 0 || length > padded.remaining()) {
                throw new SealingException("sealed value is damaged");
            }
            byte[] plaintext = new byte[length];
            padded.get(plaintext);
            return plaintext;
        }
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealingException("not a sealed value");
        }
        return decrypt(key, sealed.substring(PREFIX.length()), associatedData);
    }

    /** Which key a value was sealed with: 32 bits of an HMAC of the key, the same for the same key. */
    public static String keyId(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("dodam/key-id".getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The key id of a sealed value, or empty for a value sealed before key ids. */
    public static Optional<String> keyIdOf(String sealed) {
        if (sealed == null || !sealed.startsWith(PADDED)) {
            return Optional.empty();
        }
        int dot = sealed.indexOf('.', PADDED.length());
        return dot < 0 ? Optional.empty() : Optional.of(sealed.substring(PADDED.length(), dot));
    }

    private static String encrypt(SecretKey key, byte[] plaintext, String associatedData, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + ciphertext.length)
                            .put(iv)
                            .put(ciphertext)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, String encoded, String associatedData) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(encoded);
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
