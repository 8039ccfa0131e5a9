package org.dodam.content.domain;

import java.util.Objects;

/**
 * Which question of which lesson: stored as {@code lesson/question} in the question and answer tables, so
 * that a class's answers can be counted per question across content updates. Ids never contain a slash
 * (the content reader allows lower-case letters, digits and hyphens), so the stored form splits one way.
 */
public record QuestionKey(String lessonId, String questionId) {

    private static final char SEPARATOR = '/';

    public QuestionKey {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(questionId, "questionId");
        if (lessonId.indexOf(SEPARATOR) >= 0 || questionId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("an id holds a '/': " + lessonId + ", " + questionId);
        }
    }

    /** The key as stored; {@link #parse} reads it back. */
    public String stored() {
        return lessonId + SEPARATOR + questionId;
    }

    public static QuestionKey parse(String stored) {
        int separator = stored.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a question key: " + stored);
        }
        return new QuestionKey(stored.substring(0, separator), stored.substring(separator + 1));
    }

    @Override
    public String toString() {
        return stored();
    }
}
