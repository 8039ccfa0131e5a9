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
 * 200 students sign in, read lesson parts and answer quiz questions for two minutes, while 20 more
 * virtual users request the smallest Faces page (the framework floor) on the same server. Run with
 * bench/load.sh, which starts a server with enough demo students.
 */
public class StudentLoad extends Simulation {

    static final String BASE = System.getProperty("dodam.url", "http://127.0.0.1:8089");
    static final String PASSWORD = System.getProperty("dodam.password", "bench-pass-2026");
    static final int STUDENTS = Integer.getInteger("dodam.students", 200);
    static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("dodam.seconds", 120));
    static final String LESSON = "consent-group-photos-and-screenshots";

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptLanguageHeader("en").disableCaching();

    Iterator<Map<String, Object>> students = IntStream.rangeClosed(1, STUDENTS)
            .mapToObj(i -> Map.<String, Object>of("username", String.format("bench-student%03d", i))).iterator();

    ChainBuilder signIn = exec(http("sign-in page").get("/login.xhtml")
            .check(css("#signin input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
            .exec(http("sign in").post("/login.xhtml")
                    .formParam("signin", "signin")
                    .formParam("signin:username", "#{username}")
                    .formParam("signin:password", PASSWORD)
                    .formParam("signin:submit", "Sign in")
                    .formParam("jakarta.faces.ViewState", "#{viewState}")
                    .check(currentLocation().transform(l -> l.contains("/student/index.xhtml")).is(true)));

    ChainBuilder lessonPage = exec(session -> session.set("section", ThreadLocalRandom.current().nextInt(1, 6)))
            .exec(http("lesson page").get("/student/lesson.xhtml?id=" + LESSON + "&section=#{section}")
                    .check(css("#currentSection").exists()));

    ChainBuilder answer = exec(http("quiz page").get("/student/quiz.xhtml?id=" + LESSON)
            .check(css("#quiz input[name='question']", "value").optional().saveAs("question"))
            .check(css("#quiz input[name='attempt']", "value").optional().saveAs("attempt"))
            .check(css("#quiz input[name='choice']", "value").optional().saveAs("choice"))
            .check(css("#quiz input[name='jakarta.faces.ViewState']", "value").optional().saveAs("quizState"))
            .check(css("#again input[name='jakarta.faces.ViewState']", "value").optional().saveAs("againState")))
            .doIfOrElse(session -> session.contains("question")).then(
                    exec(http("quiz answer").post("/student/quiz.xhtml?id=" + LESSON)
                            .formParam("quiz", "quiz")
                            .formParam("attempt", "#{attempt}")
                            .formParam("question", "#{question}")
                            .formParam("choice", "#{choice}")
                            .formParam("quiz:submit", "Check")
                            .formParam("jakarta.faces.ViewState", "#{quizState}")
                            .check(status().is(200)))
            ).orElse(doIf(session -> session.contains("againState")).then(
                    exec(http("quiz retake").post("/student/quiz.xhtml?id=" + LESSON)
                            .formParam("again", "again")
                            .formParam("again:retake", "Try again")
                            .formParam("jakarta.faces.ViewState", "#{againState}")
                            .check(status().is(200))))
            )
            .exec(session -> session.remove("question").remove("attempt").remove("choice").remove("quizState").remove("againState"));

    /** Students think for one to three seconds between clicks: brisk, for a class reading together. */
    static final Duration THINK_MIN = Duration.ofSeconds(1);
    static final Duration THINK_MAX = Duration.ofSeconds(3);

    /**
     * Everyone signs in first (PBKDF2 is slow on purpose, and 200 sign-ins keep both cores busy for a
     * while); the measured two minutes start when the last student has signed in.
     */
    ScenarioBuilder learners = scenario("students").feed(students).exec(signIn).rendezVous(STUDENTS)
            .during(LENGTH).on(exec(lessonPage).pause(THINK_MIN, THINK_MAX).exec(answer).pause(THINK_MIN, THINK_MAX));

    /** The framework floor, requested at the same pace by 20 users during the measured two minutes. */
    ScenarioBuilder floor = scenario("floor").exec(http("floor warm-up").get("/bench-floor.xhtml")).rendezVous(1)
            .pause(Duration.ofSeconds(Integer.getInteger("dodam.signInSeconds", 60)))
            .during(LENGTH).on(exec(http("floor page").get("/bench-floor.xhtml").check(status().is(200))).pause(THINK_MIN, THINK_MAX));

    {
        setUp(learners.injectOpen(rampUsers(STUDENTS).during(Duration.ofSeconds(20))),
                floor.injectOpen(rampUsers(20).during(Duration.ofSeconds(5))))
                .protocols(protocol);
    }
}
