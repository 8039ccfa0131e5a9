package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dodam.content.application.QuizQuality;
import org.dodam.content.application.QuizQuality.Breach;
import org.dodam.content.application.QuizQuality.Figures;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentModel.Quiz;
import org.dodam.content.domain.InvalidContent;
import org.junit.jupiter.api.Test;

/**
 * The curriculum-wide quiz rules on small curricula built in code: a balanced one passes, and a planted
 * lesson that breaks one rule breaks that rule alone and is named with its question ids.
 */
class QuizQualityTest {

    static final String PLANTED = "planted/bad.quiz.yaml";

    @Test
    void aBalancedCurriculumPassesWithTheExpectedFigures() {
        ContentSet good = curriculum(List.of());
        assertThat(QuizQuality.breaches(good)).isEmpty();
        Figures figures = QuizQuality.figures(good);
        assertThat(figures.quizzes()).isEqualTo(4);
        assertThat(figures.questions()).isEqualTo(24);
        assertThat(figures.decisions()).isEqualTo(4);
        assertThat(figures.positions()).isEqualTo(Map.of("A", 5, "B", 5, "C", 5, "D", 5));
        assertThat(figures.decisionPositions()).isEqualTo(Map.of("A", 1, "B", 1, "C", 1, "D", 1));
        assertThat(figures.longestRightQuestions()).isEqualTo(Map.of("en", 0, "ko", 0));
        assertThat(figures.trueFalse()).isEqualTo(4);
        assertThat(figures.trueRight()).isEqualTo(2);
        assertThat(figures.multipleByRightCount()).isEqualTo(Map.of(1, 2, 2, 2));
        assertThat(figures.duplicates()).isEmpty();
        assertThat(figures.toString())
                .contains("A 5/20 (25%), B 5/20 (25%), C 5/20 (25%), D 5/20 (25%)")
                .contains("true/false")
                .contains("4/24 (17%) of questions, true right in 2/4 (50%)");
    }

    @Test
    void aRightAnswerOftenAtOnePositionIsRefusedNamingTheFilesThatPutItThere() {
        List<Question> questions = IntStream.rangeClosed(1, 6)
                .mapToObj(j -> single("q" + j, "bad " + j, 2, 4))
                .toList();
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 2, 4), questions)));

        Breach breach = onlyBreach(content, "position");
        assertThat(breach.message()).contains("at C in 12/27 (44%)");
        assertThat(breach.files().get(PLANTED)).containsExactly("decision", "q1", "q2", "q3", "q4", "q5", "q6");
        assertThat(breach.files().get("m1/a.quiz.yaml"))
                .as("only the question with its answer at C")
                .containsExactly("q3");
    }

    @Test
    void onlyChoicesWithThreeOrFourOptionsCountForPosition() {
        ContentSet content = curriculum(List.of(lesson(
                "bad",
                decision("bad", 0, 4),
                List.of(single("q1", "two", 0, 2), single("q2", "five", 0, 5), single("q3", "six", 0, 6)))));
        assertThat(QuizQuality.figures(content).positions()).containsEntry("A", 6);
    }

    @Test
    void theRightAnswerOftenLongestInKoreanIsRefusedForKoreanOnly() {
        List<Question> questions = new ArrayList<>();
        for (int j = 0; j < 12; j++) {
            Question question = single("q" + (j + 1), "bad " + j, j % 4, 4);
            questions.add(withRightText(question, "Right", "이것이 다른 어떤 보기보다 훨씬 더 길게 쓰인 정답 보기예요 " + j));
        }
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 1, 4), questions)));

        Breach breach = onlyBreach(content, "longest questions ko");
        assertThat(breach.message()).contains("in ko").contains("12/28 (43%)");
        assertThat(breach.files()).containsOnlyKeys(PLANTED);
        assertThat(QuizQuality.figures(content).longestRightQuestions())
                .containsEntry("en", 0)
                .containsEntry("ko", 12);
    }

    @Test
    void decisionsWhoseBestOptionIsOftenTheLongestAreRefusedOnTheirOwn() {
        List<LessonDoc> planted = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Question decision = withRightText(
                    decision("bad-" + i, i - 1, 4),
                    "The best choice, written out at far greater length than any of the others " + i,
                    "최선 " + i);
            planted.add(lesson("bad-" + i, decision, List.of()));
        }
        ContentSet content = curriculum(planted);

        Breach breach = onlyBreach(content, "longest decisions en");
        assertThat(breach.message()).contains("3/7 (43%) of decisions");
        assertThat(breach.files())
                .containsOnlyKeys("planted/bad-1.quiz.yaml", "planted/bad-2.quiz.yaml", "planted/bad-3.quiz.yaml");
        assertThat(breach.files().get("planted/bad-1.quiz.yaml")).containsExactly("decision");
    }

    @Test
    void aTieForTheLongestCountsAsLongest() {
        Question tie = withRightText(single("q1", "tie", 0, 3), "A wrong answer that is longer, tie 1", "같은 길이");
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 0, 4), List.of(tie))));
        assertThat(QuizQuality.figures(content).longestRightQuestions())
                .containsEntry("en", 1)
                .containsEntry("ko", 0);
    }

    @Test
    void tooManyTrueFalseItemsAreRefusedNamingTheFilesThatHaveThem() {
        List<Question> questions = IntStream.rangeClosed(1, 8)
                .mapToObj(j -> trueFalse("q" + j, "bad " + j, j % 2 == 0))
                .toList();
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 0, 4), questions)));

        Breach breach = onlyBreach(content, "true-false share");
        assertThat(breach.message()).contains("12/32 (38%) of all questions");
        assertThat(breach.files().get(PLANTED)).hasSize(8);
        assertThat(breach.files()).containsKey("m1/a.quiz.yaml");
    }

    @Test
    void trueFalseItemsMostlyFalseAreRefusedNamingWhereFalseIsRight() {
        List<Question> questions = new ArrayList<>(List.of(
                trueFalse("q1", "bad 1", false), trueFalse("q2", "bad 2", false), trueFalse("q3", "bad 3", false)));
        questions.addAll(
                List.of(single("q4", "bad 4", 0, 4), single("q5", "bad 5", 1, 4), single("q6", "bad 6", 3, 4)));
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 2, 4), questions)));

        Breach breach = onlyBreach(content, "true-false answer");
        assertThat(breach.message()).contains("\"true\" is right in 2/7 (29%)").contains("where \"false\" is right");
        assertThat(breach.files()).containsOnlyKeys("m1/b.quiz.yaml", "m2/d.quiz.yaml", PLANTED);
        assertThat(breach.files().get(PLANTED)).containsExactly("q1", "q2", "q3");
    }

    @Test
    void trueFalseItemsMostlyTrueAreRefusedNamingWhereTrueIsRight() {
        List<Question> questions = new ArrayList<>(List.of(
                trueFalse("q1", "bad 1", true), trueFalse("q2", "bad 2", true), trueFalse("q3", "bad 3", true)));
        questions.addAll(
                List.of(single("q4", "bad 4", 0, 4), single("q5", "bad 5", 1, 4), single("q6", "bad 6", 3, 4)));
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 2, 4), questions)));

        Breach breach = onlyBreach(content, "true-false answer");
        assertThat(breach.message()).contains("\"true\" is right in 5/7 (71%)");
        assertThat(breach.files()).containsOnlyKeys("m1/a.quiz.yaml", "m2/c.quiz.yaml", PLANTED);
    }

    @Test
    void multipleAnswerItemsWithMostlyTheSameNumberOfRightOptionsAreRefused() {
        List<Question> questions = IntStream.rangeClosed(1, 7)
                .mapToObj(j -> multiple("q" + j, "bad " + j, 3))
                .toList();
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 0, 4), questions)));

        Breach breach = onlyBreach(content, "multiple");
        assertThat(breach.message()).contains("7/11 (64%) of multiple-answer items have 3 right option(s)");
        assertThat(breach.files()).containsOnlyKeys(PLANTED);
        assertThat(breach.files().get(PLANTED)).hasSize(7);
    }

    @Test
    void aQuestionAskedTwiceIsRefusedWhateverItsSpacingAndCaseNamingBothFiles() {
        Question repeat = withPrompt(single("q1", "bad 1", 0, 4), "  QUESTION   a\n 1 ", "다른 질문이에요");
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 0, 4), List.of(repeat))));

        Breach breach = onlyBreach(content, "duplicate");
        assertThat(breach.message()).contains("in en: \"question a 1\"");
        assertThat(breach.files()).isEqualTo(Map.of("m1/a.quiz.yaml", List.of("q1"), PLANTED, List.of("q1")));
    }

    @Test
    void aScenarioQuestionRepeatsOnlyWhenItsScenarioRepeatsToo() {
        Question samePromptOtherScenario = scenario("q1", "Question a 4", "Another situation entirely", 1);
        Question sameScenarioAndPrompt = scenario("q2", "Question a 4", "Scenario a", 2);
        ContentSet content = curriculum(
                List.of(lesson("bad", decision("bad", 3, 4), List.of(samePromptOtherScenario, sameScenarioAndPrompt))));

        assertThat(QuizQuality.breaches(content)).extracting(Breach::rule).containsOnly("duplicate");
        assertThat(QuizQuality.breaches(content))
                .allSatisfy(breach -> assertThat(breach.files())
                        .isEqualTo(Map.of("m1/a.quiz.yaml", List.of("q4"), PLANTED, List.of("q2"))));
    }

    @Test
    void checkRefusesTheContentWithOneProblemPerBrokenRule() {
        List<Question> questions = IntStream.rangeClosed(1, 7)
                .mapToObj(j -> multiple("q" + j, "bad " + j, 3))
                .toList();
        ContentSet content = curriculum(List.of(lesson("bad", decision("bad", 0, 4), questions)));

        assertThatThrownBy(() -> QuizQuality.check(content)).isInstanceOfSatisfying(InvalidContent.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(QuizQuality.ALL_QUIZZES);
                assertThat(problem.message()).startsWith("multiple: ").contains(PLANTED + " q1, q2");
            });
        });
        QuizQuality.check(curriculum(List.of()));
    }

    // ---------------------------------------------------------------- fixture

    private static Breach onlyBreach(ContentSet content, String rule) {
        List<Breach> breaches = QuizQuality.breaches(content);
        assertThat(breaches).as(breaches.toString()).extracting(Breach::rule).containsExactly(rule);
        return breaches.get(0);
    }

    /**
     * Four balanced lessons in two modules (m1/a, m1/b, m2/c, m2/d), each with a decision and six
     * questions: right answers at every position in turn, never the longest option, one true/false item
     * ("true" right in a and c), one multiple item (one right in a and c, two in b and d); then the
     * planted lessons in a module of their own.
     */
    private static ContentSet curriculum(List<LessonDoc> planted) {
        List<ModuleDoc> modules = new ArrayList<>();
        String[] names = {"a", "b", "c", "d"};
        for (int m = 0; m < 2; m++) {
            List<LessonDoc> lessons = new ArrayList<>();
            for (int l = 2 * m; l < 2 * m + 2; l++) {
                String name = names[l];
                List<Question> questions = new ArrayList<>();
                for (int j = 0; j < 3; j++) {
                    questions.add(single("q" + (j + 1), "Question " + name + " " + (j + 1), (l + j) % 4, 4));
                }
                questions.add(scenario("q4", "Question " + name + " 4", "Scenario " + name, (l + 3) % 4));
                questions.add(trueFalse("q5", "Question " + name + " 5", l % 2 == 0));
                questions.add(multiple("q6", "Question " + name + " 6", 1 + l % 2));
                lessons.add(lesson(name, decision(name, l, 4), questions));
            }
            modules.add(module("m" + (m + 1), lessons));
        }
        if (!planted.isEmpty()) {
            modules.add(module("planted", planted));
        }
        return new ContentSet("test", modules, Map.of());
    }

    private static ModuleDoc module(String id, List<LessonDoc> lessons) {
        return new ModuleDoc(id, 1, "students", List.of("middle"), text(id), text(id), lessons, Map.of());
    }

    private static LessonDoc lesson(String id, Question decision, List<Question> questions) {
        return new LessonDoc(
                id,
                List.of("middle"),
                30,
                List.of(),
                Map.of(),
                new Quiz(70, "each", decision, List.copyOf(questions)),
                id);
    }

    private static Question decision(String lesson, int best, int options) {
        return new Question(
                "decision",
                "decision",
                text("What should they do in " + lesson + "?"),
                Map.of(),
                options(lesson, best, options));
    }

    private static Question single(String id, String prompt, int right, int options) {
        return new Question(id, "single", text(prompt), Map.of(), options(prompt, right, options));
    }

    private static Question scenario(String id, String prompt, String scenario, int right) {
        return new Question(id, "scenario", text(prompt), text(scenario), options(prompt, right, 4));
    }

    private static Question trueFalse(String id, String prompt, boolean answer) {
        return new Question(
                id,
                "true-false",
                text(prompt),
                Map.of(),
                List.of(
                        new Option("true", answer, Map.of("en", "True", "ko", "맞아요"), text("feedback")),
                        new Option("false", !answer, Map.of("en", "False", "ko", "아니에요"), text("feedback"))));
    }

    private static Question multiple(String id, String prompt, int right) {
        boolean[] correct = new boolean[4];
        Arrays.fill(correct, 0, right, true);
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            options.add(new Option(
                    String.valueOf((char) ('a' + i)),
                    correct[i],
                    text("Statement " + i + " of " + prompt),
                    text("feedback")));
        }
        return new Question(id, "multiple", text(prompt), Map.of(), options);
    }

    /** Options whose right one is shorter than every wrong one, in both languages. */
    private static List<Option> options(String tag, int right, int count) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.valueOf((char) ('a' + i));
            options.add(
                    i == right
                            ? new Option(id, true, Map.of("en", "Right " + tag, "ko", "정답"), text("feedback"))
                            : new Option(
                                    id,
                                    false,
                                    Map.of(
                                            "en",
                                            "A wrong answer that is longer, " + tag + " " + i,
                                            "ko",
                                            "이것은 정답보다 더 긴 틀린 보기예요 " + i),
                                    text("feedback")));
        }
        return options;
    }

    private static Question withRightText(Question question, String en, String ko) {
        List<Option> options = question.options().stream()
                .map(option -> option.correct()
                        ? new Option(option.id(), true, Map.of("en", en, "ko", ko), option.feedback())
                        : option)
                .toList();
        return new Question(question.id(), question.type(), question.prompt(), question.scenario(), options);
    }

    private static Question withPrompt(Question question, String en, String ko) {
        return new Question(
                question.id(), question.type(), Map.of("en", en, "ko", ko), question.scenario(), question.options());
    }

    private static Map<String, String> text(String text) {
        return Map.of("en", text, "ko", text);
    }
}
