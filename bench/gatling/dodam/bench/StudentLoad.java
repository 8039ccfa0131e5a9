package dodam.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * 200 students sign in, read lesson parts and answer quiz questions for two minutes; in each round a
 * student also requests the smallest Faces page (the framework floor) on the same server, so the two
 * read as a ratio. Run with bench/load.sh, which starts a server with enough demo students.
 */
public class StudentLoad extends Simulation {

    static final String BASE = System.getProperty("dodam.url", "http://127.0.0.1:8089");
    static final String PASSWORD = System.getProperty("dodam.password", "bench-pass-2026");
    static final int STUDENTS = Integer.getInteger("dodam.students", 200);
    static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("dodam.seconds", 120));
    /** The students arrive over this many seconds, evenly (35 of one class within 10 s, 200 within 20 s). */
    static final Duration ARRIVAL = Duration.ofSeconds(Integer.getInteger("dodam.arrivalSeconds", 20));
    static final String LESSON = "consent-group-photos-and-screenshots";

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptLanguageHeader("en").disableCaching();

    Iterator<Map<String, Object>> students = IntStream.rangeClosed(1, STUDENTS)
            .mapToObj(i -> Map.<String, Object>of("username", String.format("bench-student%03d", i))).iterator();

    ChainBuilder signIn = exec(http("sign-in page").get("/login.xhtml")
            .check(css("#signin input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
            .exec(http("sign in").post("/login.xhtml").header("Origin", BASE.replaceAll("/$", ""))
                    .formParam("signin", "signin")
                    .formParam("signin:username", "#{username}")
                    .formParam("signin:password", PASSWORD)
                    .formParam("signin:submit", "Sign in")
                    .formParam("jakarta.faces.ViewState", "#{viewState}")
                    .check(currentLocation().transform(l -> l.contains("/student/index.xhtml")).is(true)));

    /** One student's round: a lesson part, the quiz page and an answer, and the framework floor, with think time. */
    static ChainBuilder round(String prefix) {
        ChainBuilder lessonPage = exec(session -> session.set("section", ThreadLocalRandom.current().nextInt(1, 6)))
                .exec(http(prefix + "lesson page").get("/student/lesson.xhtml?id=" + LESSON + "&section=#{section}")
                        .check(css("#currentSection").exists()));
        ChainBuilder answer = exec(http(prefix + "quiz page").get("/student/quiz.xhtml?id=" + LESSON)
                .check(css("#quiz input[name='question']", "value").optional().saveAs("question"))
                .check(css("#quiz input[name='attempt']", "value").optional().saveAs("attempt"))
                .check(css("#quiz input[name='choice']", "value").optional().saveAs("choice"))
                .check(css("#quiz input[name='jakarta.faces.ViewState']", "value").optional().saveAs("quizState"))
                .check(css("#again input[name='jakarta.faces.ViewState']", "value").optional().saveAs("againState")))
                .doIfOrElse(session -> session.contains("question")).then(
                        exec(http(prefix + "quiz answer").post("/student/quiz.xhtml?id=" + LESSON)
                                .formParam("quiz", "quiz")
                                .formParam("attempt", "#{attempt}")
                                .formParam("question", "#{question}")
                                .formParam("choice", "#{choice}")
                                .formParam("quiz:submit", "Check")
                                .formParam("jakarta.faces.ViewState", "#{quizState}")
                                .check(status().is(200)))
                ).orElse(doIf(session -> session.contains("againState")).then(
                        exec(http(prefix + "quiz retake").post("/student/quiz.xhtml?id=" + LESSON)
                                .formParam("again", "again")
                                .formParam("again:retake", "Try again")
                                .formParam("jakarta.faces.ViewState", "#{againState}")
                                .check(status().is(200))))
                )
                .exec(session -> session.remove("question").remove("attempt").remove("choice").remove("quizState").remove("againState"));
        ChainBuilder floor = exec(http(prefix + "floor page").get("/bench-floor.xhtml").check(status().is(200)));
        return exec(lessonPage).pause(THINK_MIN, THINK_MAX).exec(answer).pause(THINK_MIN, THINK_MAX).exec(floor);
    }

    /** Students think for one to three seconds between clicks: brisk, for a class reading together. */
    static final Duration THINK_MIN = Duration.ofSeconds(1);
    static final Duration THINK_MAX = Duration.ofSeconds(3);
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("dodam.warmUpSeconds", 60));

    /**
     * Everyone signs in first (a password hash is slow on purpose, and 200 sign-ins keep both cores busy
     * for a while). Then the same rounds run for a warm-up, reported under "warm-up ..." names (the JIT compiler
     * is still at work on a fresh server), and then for the measured period. The framework floor is
     * requested inside each student's round, so it is measured at the same moments as the lesson pages.
     */
    ScenarioBuilder learners = scenario("students").feed(students).exec(signIn).rendezVous(STUDENTS)
            .during(WARM_UP).on(round("warm-up "))
            .during(LENGTH).on(round(""));

    {
        setUp(learners.injectOpen(rampUsers(STUDENTS).during(ARRIVAL))).protocols(protocol);
    }
}
