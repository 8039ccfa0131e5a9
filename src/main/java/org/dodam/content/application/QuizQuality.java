package org.dodam.content.application;

import static org.dodam.content.domain.ContentModel.LOCALES;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentProblem;
import org.dodam.content.domain.InvalidContent;

/**
 * Rules on the quizzes of the curriculum as a whole, so that a quiz can only be passed by reading the
 * lesson: the right answer may not be guessed from where it sits, from being the longest option, from
 * true/false items mostly being "false", or from multiple-answer items mostly having the same number of
 * right options, and no question is asked twice. {@link CourseContentReader} checks each file on its
 * own; these rules are statistics over every quiz (student and staff modules together), so they run on
 * a content set that has already been read.
 *
 * <p>The rules and their thresholds:
 * <ul>
 * <li><b>position</b>: among the right answers of {@code single} and {@code scenario} questions with 3
 * or 4 options, and the best option of every decision, no position in the file (A = first, B = second,
 * ...) holds more than {@value #MAX_POSITION_SHARE_PERCENT}%. Options are shuffled for students, but
 * the teacher's answer key, the Moodle export and a printed quiz keep the authored order.</li>
 * <li><b>longest</b>: in each language, the right answer is the longest option in at most
 * {@value #MAX_LONGEST_RIGHT_PERCENT}% of {@code single} and {@code scenario} questions, and separately
 * in at most {@value #MAX_LONGEST_RIGHT_PERCENT}% of decisions. Length is counted in Unicode code points
 * (a Hangul syllable is one) after whitespace is collapsed. A tie counts as longest: someone who picks
 * the longest option picks among the tied ones, and padding a wrong option to the exact length of the
 * right one must not be a way around the rule.</li>
 * <li><b>true/false</b>: true/false items are at most {@value #MAX_TRUE_FALSE_PERCENT}% of all
 * questions (decisions are not questions), and "true" is the right answer in
 * {@value #MIN_TRUE_RIGHT_PERCENT}% to {@value #MAX_TRUE_RIGHT_PERCENT}% of them (both ends included).</li>
 * <li><b>multiple</b>: no number of right options (one right, two right, ...) is shared by more than
 * {@value #MAX_MULTIPLE_COUNT_PERCENT}% of the {@code multiple} questions. 60% rather than an even share:
 * it forces at least two different counts and a real mix (with 37 items, at most 22 may have three right
 * options), while leaving authors free to write the items the lesson needs.</li>
 * <li><b>duplicates</b>: in each language, no two questions anywhere in the curriculum ask the same
 * thing, compared after Unicode normalisation (NFKC), lower-casing and collapsing whitespace. What is
 * compared is what the student reads as the question: the prompt, and for a {@code scenario} question
 * its scenario and prompt together, so "What should Jun do?" after two different situations is not a
 * repeat. Decisions are left out for the same reason: their prompt ("What should Minji do?") follows
 * the lesson's own scenario.</li>
 * </ul>
 *
 * <p>Each broken rule is one {@link Breach} naming the figure, the threshold and the quiz files (with
 * question ids) that make it up, such as the files whose right answers sit at the over-used position,
 * so the authors know where to change something.
 *
 * <p>The rules are enforced by the build ({@code CourseContentTest}) on the curriculum packaged in the
 * WAR, not by {@link ContentLoader} at start-up, which only logs them. A school that loads its own copy
 * through {@code DODAM_CONTENT_DIR} may keep a few lessons of its own or part of the curriculum; with a
 * handful of questions a share swings widely (one true/false item more or less moves the "true" share
 * by ten points), and refusing a correct, readable curriculum for a statistic would leave its students
 * with the old lessons or none. Every file is still checked one by one at start-up, as before.
 */
public final class QuizQuality {

    public static final int MAX_POSITION_SHARE_PERCENT = 35;
    public static final int MAX_LONGEST_RIGHT_PERCENT = 40;
    public static final int MAX_TRUE_FALSE_PERCENT = 25;
    public static final int MIN_TRUE_RIGHT_PERCENT = 40;
    public static final int MAX_TRUE_RIGHT_PERCENT = 60;
    public static final int MAX_MULTIPLE_COUNT_PERCENT = 60;

    /** The file name given to problems that concern all quizzes together. */
    public static final String ALL_QUIZZES = "*/*.quiz.yaml";

    private final List<Item> items;

    private QuizQuality(ContentSet content) {
        List<Item> all = new ArrayList<>();
        for (ModuleDoc module : content.modules()) {
            for (LessonDoc lesson : module.lessons()) {
                if (lesson.quiz() == null) {
                    continue;
                }
                String file = module.id() + "/" + lesson.id() + ".quiz.yaml";
                if (lesson.quiz().decision() != null) {
                    all.add(new Item(file, lesson.quiz().decision()));
                }
                lesson.quiz().questions().forEach(question -> all.add(new Item(file, question)));
            }
        }
        this.items = List.copyOf(all);
    }

    /** The figures the rules look at, for a report before and after a change to the quizzes. */
    public static Figures figures(ContentSet content) {
        return new QuizQuality(content).figures();
    }

    /** Every rule the quizzes break, or an empty list. */
    public static List<Breach> breaches(ContentSet content) {
        return new QuizQuality(content).breaches();
    }

    /** The breaches as content problems, one per broken rule, filed under {@link #ALL_QUIZZES}. */
    public static List<ContentProblem> problems(ContentSet content) {
        return breaches(content).stream().map(Breach::problem).toList();
    }

    /** Throws {@link InvalidContent} naming every broken rule and the files behind it. */
    public static void check(ContentSet content) {
        List<ContentProblem> problems = problems(content);
        if (!problems.isEmpty()) {
            throw new InvalidContent(problems);
        }
    }

    // ---------------------------------------------------------------- figures

    private Figures figures() {
        Map<String, Integer> types = new TreeMap<>();
        questions().forEach(item -> types.merge(item.question().type(), 1, Integer::sum));
        Map<String, Integer> longestQuestions = new LinkedHashMap<>();
        Map<String, Integer> longestDecisions = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            longestQuestions.put(locale, count(choices(), item -> item.rightIsLongest(locale)));
            longestDecisions.put(locale, count(decisions(), item -> item.rightIsLongest(locale)));
        }
        List<Item> trueFalse = trueFalse();
        return new Figures(
                (int) items.stream().map(Item::file).distinct().count(),
                questions().size(),
                Collections.unmodifiableMap(types),
                decisions().size(),
                positions(positioned()),
                positions(decisions()),
                choices().size(),
                Collections.unmodifiableMap(longestQuestions),
                Collections.unmodifiableMap(longestDecisions),
                trueFalse.size(),
                count(trueFalse, Item::trueIsRight),
                Collections.unmodifiableSortedMap(multipleCounts()),
                duplicates());
    }

    private static SortedMap<String, Integer> positions(List<Item> items) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        int widest = items.stream()
                .mapToInt(item -> item.question().options().size())
                .max()
                .orElse(4);
        for (int i = 0; i < Math.max(4, widest); i++) {
            counts.put(letter(i), 0);
        }
        items.forEach(item -> counts.merge(letter(item.rightPosition()), 1, Integer::sum));
        return Collections.unmodifiableSortedMap(counts);
    }

    private SortedMap<Integer, Integer> multipleCounts() {
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        multiple().forEach(item -> counts.merge(item.rightCount(), 1, Integer::sum));
        return counts;
    }

    private List<Duplicate> duplicates() {
        List<Duplicate> duplicates = new ArrayList<>();
        for (String locale : LOCALES) {
            Map<String, List<Item>> byText = new LinkedHashMap<>();
            for (Item item : questions()) {
                byText.computeIfAbsent(normalised(item.stem(locale)), text -> new ArrayList<>())
                        .add(item);
            }
            byText.forEach((text, same) -> {
                if (same.size() > 1) {
                    duplicates.add(new Duplicate(
                            locale, text, same.stream().map(Item::where).toList()));
                }
            });
        }
        return List.copyOf(duplicates);
    }

    // ---------------------------------------------------------------- rules

    private List<Breach> breaches() {
        Figures figures = figures();
        List<Breach> breaches = new ArrayList<>();
        checkPositions(figures, breaches);
        for (String locale : LOCALES) {
            checkLongest(locale, "questions", "single and scenario questions", choices(), breaches);
            checkLongest(locale, "decisions", "decisions", decisions(), breaches);
        }
        checkTrueFalse(figures, breaches);
        checkMultiple(figures, breaches);
        for (Duplicate duplicate : figures.duplicates()) {
            Map<String, List<String>> files = new TreeMap<>();
            questions().stream()
                    .filter(item -> normalised(item.stem(duplicate.locale())).equals(duplicate.text()))
                    .forEach(item -> files.computeIfAbsent(item.file(), f -> new ArrayList<>())
                            .add(item.id()));
            breaches.add(new Breach(
                    "duplicate",
                    "the same question is asked " + duplicate.where().size() + " times in " + duplicate.locale()
                            + ": \"" + duplicate.text() + "\"",
                    freeze(files)));
        }
        return List.copyOf(breaches);
    }

    private void checkPositions(Figures figures, List<Breach> breaches) {
        int total = figures.positions().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        figures.positions().forEach((letter, count) -> {
            if (over(count, total, MAX_POSITION_SHARE_PERCENT)) {
                breaches.add(new Breach(
                        "position",
                        "the right answer is at " + letter + " in " + share(count, total)
                                + " of single and scenario questions with 3-4 options and decisions ("
                                + counts(figures.positions()) + "), more than " + MAX_POSITION_SHARE_PERCENT
                                + "%; move some of these elsewhere",
                        files(positioned(), item -> letter(item.rightPosition()).equals(letter))));
            }
        });
    }

    private static void checkLongest(String locale, String rule, String what, List<Item> pool, List<Breach> breaches) {
        Predicate<Item> longest = item -> item.rightIsLongest(locale);
        int count = count(pool, longest);
        if (over(count, pool.size(), MAX_LONGEST_RIGHT_PERCENT)) {
            breaches.add(new Breach(
                    "longest " + rule + " " + locale,
                    "in " + locale + " the right answer is the longest"
                            + " option (ties included) in " + share(count, pool.size()) + " of " + what + ", more than "
                            + MAX_LONGEST_RIGHT_PERCENT + "%; shorten the right answer of some of these",
                    files(pool, longest)));
        }
    }

    private void checkTrueFalse(Figures figures, List<Breach> breaches) {
        List<Item> trueFalse = trueFalse();
        if (over(figures.trueFalse(), figures.questions(), MAX_TRUE_FALSE_PERCENT)) {
            breaches.add(new Breach(
                    "true-false share",
                    "true/false items are " + share(figures.trueFalse(), figures.questions())
                            + " of all questions, more than " + MAX_TRUE_FALSE_PERCENT
                            + "%; turn some of these into questions that need the lesson",
                    files(trueFalse, item -> true)));
        }
        int rightTrue = figures.trueRight();
        if (!trueFalse.isEmpty()
                && (under(rightTrue, trueFalse.size(), MIN_TRUE_RIGHT_PERCENT)
                        || over(rightTrue, trueFalse.size(), MAX_TRUE_RIGHT_PERCENT))) {
            boolean tooFew = under(rightTrue, trueFalse.size(), MIN_TRUE_RIGHT_PERCENT);
            breaches.add(new Breach(
                    "true-false answer",
                    "\"true\" is right in " + share(rightTrue, trueFalse.size())
                            + " of true/false items, outside " + MIN_TRUE_RIGHT_PERCENT + "-" + MAX_TRUE_RIGHT_PERCENT
                            + "%; items where \"" + (tooFew ? "false" : "true") + "\" is right",
                    files(trueFalse, item -> item.trueIsRight() != tooFew)));
        }
    }

    private void checkMultiple(Figures figures, List<Breach> breaches) {
        int total = figures.multipleByRightCount().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        figures.multipleByRightCount().forEach((right, count) -> {
            if (over(count, total, MAX_MULTIPLE_COUNT_PERCENT)) {
                breaches.add(new Breach(
                        "multiple",
                        share(count, total) + " of multiple-answer items have " + right
                                + " right option(s) ("
                                + figures.multipleByRightCount().entrySet().stream()
                                        .map(e -> e.getKey() + " right " + e.getValue())
                                        .collect(Collectors.joining(", "))
                                + "), more than "
                                + MAX_MULTIPLE_COUNT_PERCENT + "%; vary how many options are right in some of these",
                        files(multiple(), item -> item.rightCount() == right)));
            }
        });
    }

    // ---------------------------------------------------------------- pools

    /** Quiz questions, decisions left out. */
    private List<Item> questions() {
        return items.stream().filter(item -> !item.isDecision()).toList();
    }

    private List<Item> decisions() {
        return items.stream().filter(Item::isDecision).toList();
    }

    /** Single and scenario questions: one right answer among options of free text. */
    private List<Item> choices() {
        return items.stream()
                .filter(item -> item.is("single") || item.is("scenario"))
                .toList();
    }

    /** The right answers whose position counts: choices with 3 or 4 options, and every decision. */
    private List<Item> positioned() {
        return items.stream()
                .filter(item -> item.isDecision()
                        || (item.is("single") || item.is("scenario"))
                                && item.question().options().size() >= 3
                                && item.question().options().size() <= 4)
                .toList();
    }

    private List<Item> trueFalse() {
        return items.stream().filter(item -> item.is("true-false")).toList();
    }

    private List<Item> multiple() {
        return items.stream().filter(item -> item.is("multiple")).toList();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, List<String>> files(List<Item> pool, Predicate<Item> which) {
        Map<String, List<String>> files = new TreeMap<>();
        pool.stream()
                .filter(which)
                .forEach(item -> files.computeIfAbsent(item.file(), f -> new ArrayList<>())
                        .add(item.id()));
        return freeze(files);
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> files) {
        Map<String, List<String>> frozen = new TreeMap<>();
        files.forEach((file, ids) -> frozen.put(file, List.copyOf(ids)));
        return Collections.unmodifiableMap(frozen);
    }

    private static int count(List<Item> pool, Predicate<Item> which) {
        return (int) pool.stream().filter(which).count();
    }

    /** Whether count is more than percent of total, in whole numbers so that no rounding decides. */
    private static boolean over(int count, int total, int percent) {
        return total > 0 && count * 100 > percent * total;
    }

    private static boolean under(int count, int total, int percent) {
        return total > 0 && count * 100 < percent * total;
    }

    static String share(int count, int total) {
        return count + "/" + total + " (" + (total == 0 ? 0 : Math.round(count * 100.0 / total)) + "%)";
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String letter(int position) {
        return String.valueOf((char) ('A' + position));
    }

    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static int length(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return collapsed.codePointCount(0, collapsed.length());
    }

    /** A question or decision with the quiz file it comes from. */
    private record Item(String file, Question question) {

        boolean isDecision() {
            return is("decision");
        }

        boolean is(String type) {
            return type.equals(question.type());
        }

        String id() {
            return question.id();
        }

        String where() {
            return file + " " + id();
        }

        /** Index of the (first) right option in the file, 0 for the first. */
        int rightPosition() {
            List<Option> options = question.options();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).correct()) {
                    return i;
                }
            }
            return 0;
        }

        int rightCount() {
            return (int) question.options().stream().filter(Option::correct).count();
        }

        boolean trueIsRight() {
            return question.options().stream().anyMatch(option -> option.correct() && "true".equals(option.id()));
        }

        /** Whether no wrong option is longer than the right one in this language (a tie counts as longest). */
        boolean rightIsLongest(String locale) {
            int right = -1;
            int longestWrong = 0;
            for (Option option : question.options()) {
                int length = length(option.text().getOrDefault(locale, ""));
                if (option.correct()) {
                    right = Math.max(right, length);
                } else {
                    longestWrong = Math.max(longestWrong, length);
                }
            }
            return right >= longestWrong;
        }

        /** What the student reads as the question: the prompt, after the scenario for a scenario question. */
        String stem(String locale) {
            String prompt = question.prompt().getOrDefault(locale, "");
            String scenario =
                    question.scenario() == null ? "" : question.scenario().getOrDefault(locale, "");
            return scenario.isBlank() ? prompt : scenario + "\n" + prompt;
        }
    }

    // ---------------------------------------------------------------- results

    /**
     * The figures behind the rules, over every quiz of the curriculum.
     *
     * @param quizzes quiz files
     * @param questions quiz questions (decisions not included)
     * @param types questions by type
     * @param decisions decisions (one per lesson)
     * @param positions right answers by authored position (A first), single and scenario questions with
     *        3-4 options and decisions together: the figure the position rule looks at
     * @param decisionPositions the decisions' share of {@code positions}, for information
     * @param choices single and scenario questions
     * @param longestRightQuestions per language, choices whose right answer is the longest option
     * @param longestRightDecisions per language, decisions whose best option is the longest option
     * @param trueFalse true/false items
     * @param trueRight true/false items where "true" is right
     * @param multipleByRightCount multiple-answer items by their number of right options
     * @param duplicates questions asked more than once
     */
    public record Figures(
            int quizzes,
            int questions,
            Map<String, Integer> types,
            int decisions,
            SortedMap<String, Integer> positions,
            SortedMap<String, Integer> decisionPositions,
            int choices,
            Map<String, Integer> longestRightQuestions,
            Map<String, Integer> longestRightDecisions,
            int trueFalse,
            int trueRight,
            SortedMap<Integer, Integer> multipleByRightCount,
            List<Duplicate> duplicates) {

        /** A short report, a line per rule, to quote before and after a change. */
        @Override
        public String toString() {
            int positioned =
                    positions.values().stream().mapToInt(Integer::intValue).sum();
            int multiple = multipleByRightCount.values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            StringBuilder report = new StringBuilder();
            report.append("Quiz figures: ")
                    .append(quizzes)
                    .append(" quizzes, ")
                    .append(questions)
                    .append(" questions ")
                    .append(types)
                    .append(", ")
                    .append(decisions)
                    .append(" decisions\n");
            report.append("  right-answer position (single/scenario with 3-4 options + decisions, max ")
                    .append(MAX_POSITION_SHARE_PERCENT)
                    .append("%): ")
                    .append(percentages(positions, positioned))
                    .append("; of which decisions: ")
                    .append(counts(decisionPositions))
                    .append('\n');
            for (String locale : longestRightQuestions.keySet()) {
                report.append("  right answer is longest, ")
                        .append(locale)
                        .append(" (ties count, max ")
                        .append(MAX_LONGEST_RIGHT_PERCENT)
                        .append("%): questions ")
                        .append(share(longestRightQuestions.get(locale), choices))
                        .append(", decisions ")
                        .append(share(longestRightDecisions.get(locale), decisions))
                        .append('\n');
            }
            report.append("  true/false (max ")
                    .append(MAX_TRUE_FALSE_PERCENT)
                    .append("% of questions, true right in ")
                    .append(MIN_TRUE_RIGHT_PERCENT)
                    .append('-')
                    .append(MAX_TRUE_RIGHT_PERCENT)
                    .append("%): ")
                    .append(share(trueFalse, questions))
                    .append(" of questions, true right in ")
                    .append(share(trueRight, trueFalse))
                    .append('\n');
            report.append("  multiple by number of right options (max ")
                    .append(MAX_MULTIPLE_COUNT_PERCENT)
                    .append("% for any count): ")
                    .append(multipleByRightCount.entrySet().stream()
                            .map(e -> e.getKey() + " right " + share(e.getValue(), multiple))
                            .collect(Collectors.joining(", ")))
                    .append('\n');
            report.append("  duplicate questions: ").append(duplicates.size());
            duplicates.forEach(duplicate -> report.append("\n    ").append(duplicate));
            return report.toString();
        }

        private static <K> String percentages(Map<K, Integer> counts, int total) {
            return counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + share(e.getValue(), total))
                    .collect(Collectors.joining(", "));
        }
    }

    /** One question text (normalised) asked more than once in a language, and where ("file id"). */
    public record Duplicate(String locale, String text, List<String> where) {

        @Override
        public String toString() {
            return locale + " \"" + text + "\": " + String.join(", ", where);
        }
    }

    /**
     * A broken rule: what it found, and the quiz files with the question ids that make it up
     * ("decision" for a lesson's decision).
     */
    public record Breach(String rule, String message, Map<String, List<String>> files) {

        ContentProblem problem() {
            return new ContentProblem(ALL_QUIZZES, 0, toString());
        }

        @Override
        public String toString() {
            return rule + ": " + message + ":\n"
                    + files.entrySet().stream()
                            .map(e -> "    " + e.getKey() + " " + String.join(", ", e.getValue()))
                            .collect(Collectors.joining("\n"));
        }
    }
}
