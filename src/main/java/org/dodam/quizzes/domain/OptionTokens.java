package org.dodam.quizzes.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * How one attempt's questions show their options: under opaque tokens and in an order of their own.
 *
 * <p>Authored option ids gave answers away (the right one was {@code a} in most questions, and the page
 * sent {@code value="a"}), and so did authored positions. So the page never carries an option id: it
 * carries the option's token, the first 128 bits of an HMAC-SHA256, under a server key, of the student,
 * the lesson, the attempt number, the question and the option. A token is therefore the same on every
 * reload of one attempt, different for every other student and attempt, and can be neither read nor made
 * without the key. The options are shown sorted by their tokens: a permutation per attempt that nobody
 * chose and nothing needs to store (no column, no table). Only the server turns a token back into the
 * authored id, so answers are stored, scored and counted for the teacher exactly as before.
 *
 * <p>Not thread-safe (it holds a {@link Mac}): make one per use.
 */
public final class OptionTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TOKEN_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;
    private final String attempt;

    /**
     * @param attemptNumber the attempt the page answers: the open attempt's number, or 1 while the student has
     *                      none (the first answer opens attempt 1)
     */
    public OptionTokens(SecretKey key, long studentId, String lessonId, int attemptNumber) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lessonId, "lessonId");
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
        attempt = studentId + "\u0000" + lessonId + "\u0000" + attemptNumber + "\u0000";
    }

    /** An option as the page carries it: its token, and the authored id that stays on the server. */
    public record Token(String token, String optionId) implements java.io.Serializable {}

    /** The options of one question in this attempt's order, each with its token. */
    public List<Token> shuffle(String questionId, List<String> optionIds) {
        return optionIds.stream()
                .map(id -> new Token(token(questionId, id), id))
                .sorted(Comparator.comparing(Token::token))
                .toList();
    }

    /** The authored id of the option behind {@code token}, or empty if no option of the question has it here. */
    public Optional<String> optionId(String questionId, List<String> optionIds, String token) {
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
        return optionIds.stream()
                .filter(id -> MessageDigest.isEqual(token(questionId, id).getBytes(StandardCharsets.US_ASCII), given))
                .findFirst();
    }

    String token(String questionId, String optionId) {
        byte[] digest = mac.doFinal((attempt + questionId + "\u0000" + optionId).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(Arrays.copyOf(digest, TOKEN_BYTES));
    }
}
