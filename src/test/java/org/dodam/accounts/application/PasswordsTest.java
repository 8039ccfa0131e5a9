package org.dodam.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Argon2id in the PHC string form, the container's PBKDF2 hashes of before, and rehashing, without the container. */
class PasswordsTest {

    /**
     * Made by the container's {@code Pbkdf2PasswordHash} as Dodam configured it until Argon2id (an integration test
     * server's demo admin), for the test servers' demo password {@code it-demo-pass-2026}.
     */
    static final String CONTAINER_PBKDF2 =
            "PBKDF2WithHmacSHA512:210000:HXfTJIy1jLniDeP1bD2hqQ==:" + "ss+46aVTUwIxe+WwOwTeVZ9rOp5kqL0WOV52aPKxMM8=";

    static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    final Passwords passwords = new Passwords(new SecureRandom());

    @Test
    void aHashIsAPhcStringWithOwaspsParametersAndItsPasswordMatchesIt() {
        String hash = passwords.hash("autumn kettle sings softly");

        assertThat(hash).matches(PHC).hasSizeLessThanOrEqualTo(255);
        String[] parts = hash.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(passwords.matches("autumn kettle sings softly", hash)).isTrue();
        assertThat(passwords.needsRehash(hash)).isFalse();
        assertThat(passwords.hash("autumn kettle sings softly"))
                .as("a new random salt every time")
                .isNotEqualTo(hash);
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = passwords.hash("autumn kettle sings softly");

        assertThat(passwords.matches("autumn kettle sings softlY", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8() {
        String hash = passwords.hash("가을 주전자가 노래해요");

        assertThat(passwords.matches("가을 주전자가 노래해요", hash)).isTrue();
        assertThat(passwords.matches("가을 주전자가 노래해", hash)).isFalse();
    }

    @Test
    void aHashTheContainerMadeWithPbkdf2StillMatchesAndNeedsRehash() {
        assertThat(passwords.matches("it-demo-pass-2026", CONTAINER_PBKDF2)).isTrue();
        assertThat(passwords.matches("it-demo-pass-2027", CONTAINER_PBKDF2)).isFalse();
        assertThat(passwords.needsRehash(CONTAINER_PBKDF2)).isTrue();
    }

    @Test
    void anArgon2idHashWithWeakerParametersStillMatchesAndNeedsRehash() {
        for (Passwords.Argon2 weaker : new Passwords.Argon2[] {
            new Passwords.Argon2(12 * 1024, 2, 1), new Passwords.Argon2(19 * 1024, 1, 1),
        }) {
            String hash = phc(weaker, "salt-of-16-bytes".getBytes(StandardCharsets.UTF_8), "class 3-2 rocks", 32);

            assertThat(passwords.matches("class 3-2 rocks", hash)).isTrue();
            assertThat(passwords.needsRehash(hash)).as(hash).isTrue();
        }
        String stronger = phc(new Passwords.Argon2(24 * 1024, 3, 1), new byte[16], "class 3-2 rocks", 32);
        assertThat(passwords.matches("class 3-2 rocks", stronger)).isTrue();
        assertThat(passwords.needsRehash(stronger))
                .as("stronger than the current ones")
                .isFalse();
        String shortHash = phc(Passwords.CURRENT, new byte[16], "class 3-2 rocks", 16);
        assertThat(passwords.matches("class 3-2 rocks", shortHash)).isTrue();
        assertThat(passwords.needsRehash(shortHash)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a hash",
                "$argon2id$v=19$m=19456,t=2,p=1$",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$",
                "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=19456,t=2,p=0$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPP",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1a*aMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "PBKDF2WithHmacSHA512:210000:HXfTJIy1jLniDeP1bD2hqQ==",
                "PBKDF2WithHmacSHA512:0:HXfTJIy1jLniDeP1bD2hqQ==:ss+46aVTUwIxe+WwOwTeVZ9rOp5kqL0WOV52aPKxMM8=",
                "PBKDF2WithHmacSHA512:99999999:HXfTJIy1jLniDeP1bD2hqQ==:ss+46aVTUwIxe+WwOwTeVZ9rOp5kqL0WOV52aPKxMM8=",
                "PBKDF2WithHmacSHA512:210000:HXfTJIy1jLniDeP1bD2hqQ=:ss+46aVTUwIxe+WwOwTeVZ9rOp5kqL0WOV52aPKxMM8=",
                "PBKDF2WithHmacMD5:210000:HXfTJIy1jLniDeP1bD2hqQ==:ss+46aVTUwIxe+WwOwTeVZ9rOp5kqL0WOV52aPKxMM8=",
                "PBKDF2WithHmacSHA512:210000:HXfTJIy1jLniDeP1bD2hqQ==:c3M=",
            })
    void aDamagedOrUnknownStoredStringMatchesNothingAndThrowsNothing(String stored) {
        assertThatCode(() -> assertThat(passwords.matches("it-demo-pass-2026", stored))
                        .isFalse())
                .doesNotThrowAnyException();
        assertThatCode(() -> passwords.needsRehash(stored)).doesNotThrowAnyException();
    }

    @Test
    void aNullStoredHashMatchesNothing() {
        assertThat(passwords.matches("it-demo-pass-2026", null)).isFalse();
        assertThat(passwords.needsRehash(null)).isFalse();
    }

    @Test
    void aPhcStringOfTheReferenceImplementationMatches() {
        // argon2 (github.com/P-H-C/phc-winner-argon2): echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(passwords.matches("password", reference)).isTrue();
        assertThat(passwords.matches("passwore", reference)).isFalse();
        assertThat(passwords.needsRehash(reference))
                .as("an 8-byte salt is below the current 16")
                .isTrue();
    }

    @Test
    void theLibraryGivesRfc9106sArgon2idTestVector() {
        // RFC 9106, section 5.3: with a secret and associated data, which Dodam does not use, so through the library.
        byte[] password = filled(32, 0x01);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(filled(16, 0x02))
                .withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04))
                .build());
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void theSameHashesComeOutWhenManyRunAtOnce() throws Exception {
        String hash = passwords.hash("autumn kettle sings softly");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var results = new java.util.ArrayList<Future<Boolean>>();
            for (int i = 0; i < 12; i++) {
                String password = i % 2 == 0 ? "autumn kettle sings softly" : "autumn kettle sings loudly";
                results.add(pool.submit(() -> passwords.matches(password, hash)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unusableAndUnknownUsersCostAHashAndMatchNothing() {
        String unusable = passwords.unusable();

        assertThat(unusable).matches(PHC);
        assertThat(passwords.unusable()).isEqualTo(unusable);
        assertThat(passwords.matches("", unusable)).isFalse();
        assertThatCode(() -> passwords.spendTimeOnUnknownUser("anything")).doesNotThrowAnyException();
        assertThatCode(() -> passwords.spendTimeOnUnknownUser(null)).doesNotThrowAnyException();
    }

    private String phc(Passwords.Argon2 parameters, byte[] salt, String password, int length) {
        byte[] hash = passwords.argon2id(password.getBytes(StandardCharsets.UTF_8), salt, parameters, length);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.passes() + ",p=" + parameters.lanes()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
