package org.dodam.accounts.application;

/**
 * Korean words as they end up in passwords written with Latin letters: typed on a Korean (dubeolsik) keyboard
 * with the input switched to English ({@code 사랑해} becomes {@code tkfkdgo}), or spelled out in the Revised
 * Romanization, syllable by syllable ({@code saranghae}). {@link PasswordStrength} adds both forms of its
 * Korean word list, and of a person's own name, to what it knows is easy to guess.
 */
public final class Hangul {

    private static final int FIRST = 0xAC00;
    private static final int LAST = 0xD7A3;

    private static final String[] INITIAL_KEYS = {
        "r", "R", "s", "e", "E", "f", "a", "q", "Q", "t", "T", "d", "w", "W", "c", "z", "x", "v", "g"
    };
    private static final String[] VOWEL_KEYS = {
        "k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n", "nj", "np", "nl", "b", "m", "ml", "l"
    };
    private static final String[] FINAL_KEYS = {
        "", "r", "R", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg", "a", "q", "qt", "t",
        "T", "d", "w", "c", "z", "x", "v", "g"
    };

    private static final String[] INITIAL_ROMAN = {
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
    };
    private static final String[] VOWEL_ROMAN = {
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
        "ui", "i"
    };
    private static final String[] FINAL_ROMAN = {
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
        "t", "t", "k", "t", "p", "t"
    };

    private Hangul() {}

    /** Whether the text holds at least one Hangul syllable. */
    public static boolean hasSyllables(String text) {
        return text.chars().anyMatch(c -> c >= FIRST && c <= LAST);
    }

    /** The keys typed for this text on a dubeolsik keyboard, lower-cased; other characters stay as they are. */
    public static String dubeolsikKeys(String text) {
        return convert(text, INITIAL_KEYS, VOWEL_KEYS, FINAL_KEYS).toLowerCase(java.util.Locale.ROOT);
    }

    /** The text in the Revised Romanization, one syllable at a time (no sound changes between syllables). */
    public static String romanized(String text) {
        return convert(text, INITIAL_ROMAN, VOWEL_ROMAN, FINAL_ROMAN);
    }

    private static String convert(String text, String[] initials, String[] vowels, String[] finals) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < FIRST || c > LAST) {
                out.append(c);
                continue;
            }
            int index = c - FIRST;
            out.append(initials[index / (21 * 28)])
                    .append(vowels[index % (21 * 28) / 28])
                    .append(finals[index % 28]);
        }
        return out.toString();
    }
}
