package org.dodam.quizzes.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.domain.Role;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.QuestionKey;
import org.dodam.platform.DodamException;
import org.dodam.platform.crypto.MasterKey;
import org.dodam.quizzes.domain.OptionTokens;
import org.dodam.quizzes.domain.OptionTokens.Token;
import org.dodam.quizzes.domain.QuizAttempt;

/**
 * Taking a lesson's quiz. Answers are scored here on the server, saved one question at a time to the
 * student's open attempt, and an attempt is only ever addressed through the signed-in student and the
 * lesson, so nobody can read or write another student's attempt. Answering a question twice (double
 * submit, back button, a second tab) changes nothing. Practice is unlimited; the best score counts.
 */
@ApplicationScoped
@Transactional
public class QuizTaking {

    /** The purpose the option-token key is derived for; another name would reorder every open attempt. */
    private static final String OPTION_TOKENS = "quiz-option-tokens";

    @PersistenceContext
    EntityManager em;

    @Inject
    Curriculum curriculum;

    @Inject
    Event<QuizFinished> finished;

    @Inject
    Clock clock;

    @Inject
    MasterKey masterKey;

    /** The key of the option tokens, derived from the master key so that tokens outlive a restart. */
    private SecretKey optionKey;

    @PostConstruct
    void deriveKey() {
        optionKey = masterKey.derive(OPTION_TOKENS);
    }

    /** The student's latest attempt (open or finished), or none yet. */
    public QuizState state(Actor student, String lessonId) {
        LessonEntry lesson = studentLesson(student, lessonId);
        return stateOf(student, lesson, latest(student, lessonId));
    }

    /**
     * Saves the answer to one question of attempt {@code attemptNumber} (0 starts the first attempt), given as
     * the option tokens the student's page carried (see {@link OptionTokens}). A stale attempt number or an
     * already answered question is ignored, and the current state is returned; a token that is not one of
     * this attempt's options for this question is refused.
     */
    public QuizState answer(Actor student, String lessonId, int attemptNumber, String questionId, List<String> tokens) {
        LessonEntry lesson = studentLesson(student, lessonId);
        Question question = lesson.document().questions().stream()
                .filter(q -> q.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> new DodamException("quiz.unknownQuestion"));
        if (tokens.isEmpty()) {
            throw new DodamException("quiz.chooseAnswer");
        }
        Optional<QuizAttempt> latest = latest(student, lessonId);
        boolean first = latest.isEmpty() && attemptNumber == 0;
        if (!first
                && !(latest.isPresent() && latest.get().open() && latest.get().number() == attemptNumber)) {
            return stateOf(student, lesson, latest);
        }
        Set<String> picked = picked(tokens(student, lessonId, first ? 1 : attemptNumber), question, tokens);
        QuizAttempt attempt;
        if (first) {
            attempt = new QuizAttempt(student.id(), lessonId, 1, clock.instant());
            em.persist(attempt);
        } else {
            attempt = latest.get();
        }
        Set<String> correct = question.options().stream()
                .filter(Option::correct)
                .map(Option::id)
                .collect(Collectors.toSet());
        boolean saved = attempt.answer(
                        new QuestionKey(lessonId, questionId),
                        question.options().stream()
                                .map(Option::id)
                                .filter(picked::contains)
                                .toList(),
                        picked.equals(correct),
                        lesson.document().questions().size(),
                        lesson.passMark(),
                        clock.instant())
                .isPresent();
        if (saved && !attempt.open()) {
            finished.fire(new QuizFinished(student.id(), lessonId, attempt.score(), attempt.passed()));
        }
        return stateOf(student, lesson, Optional.of(attempt));
    }

    /** The authored ids behind the tokens sent: each must be one of this question's options in this attempt. */
    private static Set<String> picked(OptionTokens optionTokens, Question question, List<String> tokens) {
        List<String> optionIds = question.options().stream().map(Option::id).toList();
        Set<String> picked = new HashSet<>();
        for (String token : tokens) {
            picked.add(optionTokens
                    .optionId(question.id(), optionIds, token)
                    .orElseThrow(() -> new DodamException("quiz.invalidAnswer")));
        }
        if (!"multiple".equals(question.type()) && picked.size() != 1) {
            throw new DodamException("quiz.invalidAnswer");
        }
        return picked;
    }

    private OptionTokens tokens(Actor student, String lessonId, int attemptNumber) {
        return new OptionTokens(optionKey, student.id(), lessonId, attemptNumber);
    }

    /** Starts another practice attempt after a finished one; an open attempt is simply continued. */
    public QuizState retake(Actor student, String lessonId) {
        LessonEntry lesson = studentLesson(student, lessonId);
        Optional<QuizAttempt> latest = latest(student, lessonId);
        if (latest.isPresent() && !latest.get().open()) {
            QuizAttempt next =
                    new QuizAttempt(student.id(), lessonId, latest.get().number() + 1, clock.instant());
            em.persist(next);
            return stateOf(student, lesson, Optional.of(next));
        }
        return stateOf(student, lesson, latest);
    }

    /**
     * How often each answer was given to each question on students' first attempts (first attempts show
     * what a class believed before the feedback taught them otherwise). One query, whatever the class size.
     */
    public List<AnswerCount> firstAttemptAnswers(List<Long> studentIds, List<String> lessonIds) {
        if (studentIds.isEmpty() || lessonIds.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery("AttemptAnswer.firstAttemptCounts", Object[].class)
                .setParameter("students", studentIds)
                .setParameter("lessons", lessonIds)
                .getResultList()
                .stream()
                .map(row -> new AnswerCount(
                        (String) row[0], (String) row[1], (Boolean) row[2], ((Number) row[3]).longValue()))
                .toList();
    }

    /** Every attempt of one student at these lessons' quizzes, oldest first per lesson; one query. */
    public List<AttemptSummary> attemptsOf(long studentId, List<String> lessonIds) {
        if (lessonIds.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery("QuizAttempt.ofStudent", QuizAttempt.class)
                .setParameter("student", studentId)
                .setParameter("lessons", lessonIds)
                .getResultList()
                .stream()
                .map(a -> new AttemptSummary(a.lessonId(), a.number(), a.open(), a.score(), a.passed()))
                .toList();
    }

    /** One quiz attempt as a teacher reads it: still open, or submitted with its score. */
    public record AttemptSummary(String lessonId, int number, boolean open, Integer score, boolean passed) {}

    /** The number of first attempts that gave {@code chosen} (comma-separated option ids) to a question. */
    public record AnswerCount(String questionKey, String chosen, boolean correct, long count) {}

    private Optional<QuizAttempt> latest(Actor student, String lessonId) {
        return em.createNamedQuery("QuizAttempt.latest", QuizAttempt.class)
                .setParameter("student", student.id())
                .setParameter("lesson", lessonId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private QuizState stateOf(Actor student, LessonEntry lesson, Optional<QuizAttempt> attempt) {
        Map<String, Answered> answered = new LinkedHashMap<>();
        attempt.ifPresent(a -> a.answers()
                .forEach(answer -> answered.put(
                        QuestionKey.parse(answer.questionKey()).questionId(),
                        new Answered(answer.chosen(), answer.correct()))));
        OptionTokens optionTokens =
                tokens(student, lesson.id(), attempt.map(QuizAttempt::number).orElse(1));
        Map<String, List<Token>> options = new LinkedHashMap<>();
        for (Question question : lesson.document().questions()) {
            options.put(
                    question.id(),
                    optionTokens.shuffle(
                            question.id(),
                            question.options().stream().map(Option::id).toList()));
        }
        return new QuizState(
                lesson.id(),
                lesson.passMark(),
                lesson.document().questions().size(),
                attempt.map(QuizAttempt::number).orElse(0),
                attempt.map(QuizAttempt::open).orElse(true),
                attempt.map(QuizAttempt::score).orElse(null),
                attempt.map(QuizAttempt::passed).orElse(false),
                Map.copyOf(answered),
                Map.copyOf(options));
    }

    /** What a student has chosen for one question and whether it was right. */
    public record Answered(List<String> chosen, boolean correct) implements java.io.Serializable {}

    /**
     * The state of the student's latest attempt: attempt 0 means none yet. While {@code open}, the next
     * question is the first unanswered one. {@code options} holds each question's options in this attempt's
     * order with their tokens (what the page may show), by question id.
     */
    public record QuizState(
            String lessonId,
            int passMark,
            int questionCount,
            int attempt,
            boolean open,
            Integer score,
            boolean passed,
            Map<String, Answered> answered,
            Map<String, List<Token>> options)
            implements java.io.Serializable {
        public boolean finished() {
            return !open;
        }
    }

    /** A lesson a student may take the quiz of; anyone else, a staff lesson or an unknown id is "not found". */
    private LessonEntry studentLesson(Actor student, String lessonId) {
        if (student == null || !student.is(Role.STUDENT)) {
            throw DodamException.notFound();
        }
        return curriculum.studentLesson(lessonId).orElseThrow(DodamException::notFound);
    }
}
