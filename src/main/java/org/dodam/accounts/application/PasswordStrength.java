package org.dodam.accounts.application;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.DodamException;

/**
 * Whether a password a person chooses is hard enough to guess, and if not, what to tell them. The estimate
 * is zxcvbn's (com.nulab-inc:zxcvbn): it finds the cheapest way to build the password from dictionary words,
 * keyboard runs, repeats, sequences and dates, and scores it 0 to 4 by the guesses that takes. To its English
 * dictionaries it adds what Korean passwords are made of: a list of Korean words, each as typed on a dubeolsik
 * keyboard left in English mode and as romanized ({@link Hangul}), common romanized spellings, and the
 * person's own username, name and school (a password built from those needs the staff score, whoever chooses
 * it: a classmate tries a name and a birth year first). Passwords on the bundled list of common and leaked passwords
 * ({@code passwords/common-passwords.txt}, whose header names its sources) are refused whatever they score.
 *
 * <p>Students need a score of DODAM_PASSWORD_STUDENT_SCORE (2, "somewhat guessable": too many guesses for the
 * sign-in budgets to allow), staff DODAM_PASSWORD_STAFF_SCORE (3, "safely unguessable" even with a stolen hash):
 * staff accounts open a school's classes and its reports. Temporary passwords the server makes are not judged.
 */
@ApplicationScoped
public class PasswordStrength {

    private static final String LISTS = "/org/dodam/accounts/passwords/";

    /** Dictionaries of Korean origin; a match in one of them earns the Korean warning. */
    static final Set<String> KOREAN = Set.of("korean_words", "korean_keys", "korean_romanized");

    @Inject
    AccountsSettings settings;

    int studentScore;
    int staffScore;

    private Zxcvbn zxcvbn;
    private Set<String> common;

    /** The judgement on one password: acceptable or not, and the message keys that say why and what to do. */
    public record Verdict(int score, boolean acceptable, List<String> messageKeys) {}

    /** Refused as too easy to guess; {@link #messageKeys()} explain, the last ones say how to do better. */
    public static final class WeakPassword extends DodamException {
        private final transient List<String> messageKeys;

        WeakPassword(List<String> messageKeys) {
            super("password.weak");
            this.messageKeys = List.copyOf(messageKeys);
        }

        public List<String> messageKeys() {
            return messageKeys;
        }
    }

    /** An estimator outside the container, for tests. */
    public static PasswordStrength forTesting(int studentScore, int staffScore) {
        PasswordStrength strength = new PasswordStrength();
        strength.studentScore = studentScore;
        strength.staffScore = staffScore;
        strength.load();
        return strength;
    }

    @PostConstruct
    void start() {
        studentScore = settings.studentScore();
        staffScore = settings.staffScore();
        load();
    }

    void load() {
        try {
            List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
            List<String> words = read("korean-words.txt");
            dictionaries.add(new Dictionary("korean_words", words));
            dictionaries.add(new Dictionary(
                    "korean_keys",
                    distinct(words.stream().map(Hangul::dubeolsikKeys).toList())));
            List<String> romanized = new ArrayList<>(read("korean-romanized.txt"));
            romanized.addAll(words.stream().map(Hangul::romanized).toList());
            dictionaries.add(new Dictionary("korean_romanized", distinct(romanized)));
            List<String> commonList = read("common-passwords.txt");
            dictionaries.add(new Dictionary("common_passwords", commonList));
            zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries).build();
            common = new HashSet<>(commonList);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Judges a password for an account of this role. {@code personal} are the person's own words (username,
     * name, school, e-mail address): a password built from them is as easy to guess as a common one.
     */
    public Verdict judge(String password, Role role, String... personal) {
        if (password == null || password.isEmpty()) {
            return new Verdict(0, false, List.of("password.weak.empty", "password.tip.words"));
        }
        List<String> inputs = personalWords(personal);
        String normalized = password.strip().toLowerCase(Locale.ROOT);
        Strength strength = zxcvbn.measure(password, inputs);
        int needed = role != null && role != Role.STUDENT ? staffScore : studentScore; // admins are staff here
        if (uses(strength, "user_inputs")) {
            needed = Math.max(needed, staffScore); // a classmate guesses a name and a birth year first
        }
        boolean listed = common.contains(normalized);
        boolean acceptable = !listed && strength.getScore() >= needed;
        List<String> keys = new ArrayList<>();
        if (!acceptable) {
            keys.add(warning(listed, strength));
            keys.addAll(tips(strength));
            keys.add("password.tip.words");
        }
        int score = listed ? 0 : strength.getScore();
        strength.wipe();
        return new Verdict(score, acceptable, List.copyOf(new LinkedHashSet<>(keys)));
    }

    /** Throws {@link WeakPassword} unless the password is acceptable for the role. */
    public void require(String password, Role role, String... personal) {
        Verdict verdict = judge(password, role, personal);
        if (!verdict.acceptable()) {
            throw new WeakPassword(verdict.messageKeys());
        }
    }

    private static String warning(boolean listed, Strength strength) {
        if (listed) {
            return "password.weak.common";
        }
        if (uses(strength, "user_inputs")) {
            return "password.weak.personal";
        }
        if (uses(strength, "common_passwords") || uses(strength, "passwords")) {
            return "password.weak.common";
        }
        if (KOREAN.stream().anyMatch(name -> uses(strength, name))) {
            return "password.weak.korean";
        }
        String key = strength.getFeedback().withResourceBundle(KEYS_ONLY).getWarning();
        return key == null || key.isEmpty() ? "password.weak.short" : "password.weak." + shortName(key);
    }

    /** Whether zxcvbn's cheapest way to build the password takes a word from this dictionary. */
    private static boolean uses(Strength strength, String dictionary) {
        return strength.getSequence().stream()
                .anyMatch(m -> m.pattern == Pattern.Dictionary && dictionary.equals(m.dictionaryName));
    }

    /** zxcvbn's suggestions, as our own message keys. */
    private static List<String> tips(Strength strength) {
        Feedback feedback = strength.getFeedback().withResourceBundle(KEYS_ONLY);
        return feedback.getSuggestions().stream()
                .filter(key -> !key.equals(Feedback.DEFAULT_SUGGESTIONS_USE_FEW_WORDS)
                        && !key.equals(Feedback.EXTRA_SUGGESTIONS_ADD_ANOTHER_WORD))
                .map(key -> "password.tip." + shortName(key))
                .toList();
    }

    /** The last part of one of zxcvbn's message keys: feedback.spatial.warning.straightRowsOfKeys -> straightRowsOfKeys. */
    private static String shortName(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static List<String> personalWords(String... personal) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : personal) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String lower = text.strip().toLowerCase(Locale.ROOT);
            words.add(lower);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 2) {
                    words.add(part);
                    if (Hangul.hasSyllables(part)) {
                        words.add(Hangul.dubeolsikKeys(part));
                        words.add(Hangul.romanized(part));
                        if (part.length() >= 2) {
                            words.add(Hangul.dubeolsikKeys(part.substring(1))); // a given name without the surname
                            words.add(Hangul.romanized(part.substring(1)));
                        }
                    }
                }
            }
            if (Hangul.hasSyllables(lower)) {
                words.add(Hangul.dubeolsikKeys(lower.replace(" ", "")));
                words.add(Hangul.romanized(lower.replace(" ", "")));
            }
        }
        words.add("dodam");
        words.add("도담");
        return new ArrayList<>(words);
    }

    private static List<String> read(String name) throws IOException {
        try (InputStream in = PasswordStrength.class.getResourceAsStream(LISTS + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing password list " + name);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String word = line.strip().toLowerCase(Locale.ROOT);
                    if (!word.isEmpty() && !word.startsWith("#")) {
                        lines.add(word);
                    }
                }
            }
            return lines;
        }
    }

    private static List<String> distinct(List<String> words) {
        return new ArrayList<>(new LinkedHashSet<>(words));
    }

    /** A bundle that answers each key with itself, so that zxcvbn's feedback hands us its keys, not English text. */
    private static final ResourceBundle KEYS_ONLY = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };
}
