package org.dodam.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.testing.DistrictGenerator;
import org.dodam.testing.DistrictGenerator.Shape;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The class dashboard runs the same number of SQL statements whatever the size of the class, the number
 * of lessons assigned and the amount of data in the database: counted on the server (DODAM_SQL_COUNT),
 * for a 35-student class with 6 lessons, a smaller class of the same teacher, the same class again after
 * a larger district has been written into the database, and that district's 35-student class with 10
 * lessons. One query per student or per lesson would make the counts differ. It runs the bench build
 * (target/dodam-bench.war), which alone holds the counter, and checks that the benchmarks' floor page is there.
 */
class DashboardQueriesIT {

    private static final String DASHBOARD = "/teacher/dashboard.xhtml";
    private static final String NAME = "dashboard-queries";

    static DodamServer server;
    static String url;

    @BeforeAll
    static void start() {
        Path data = Path.of("target", "it-servers", NAME, "data").toAbsolutePath();
        // AUTO_SERVER lets the test write into the server's embedded database while it runs.
        url = "jdbc:h2:file:" + data + "/dodam;AUTO_SERVER=TRUE";
        // A school's own embedded database keeps its master key outside the data directory.
        // The statement counter is in the bench build only, never in the WAR a school runs.
        server = DodamServer.startBench(NAME, Map.of("DODAM_DB_URL", url, "DODAM_DEMO", "false", "DODAM_SQL_COUNT", "true",
                "DODAM_MASTER_KEY_FILE", data.resolveSibling("master.key").toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theBenchBuildServesTheFrameworkFloorPage() throws Exception {
        HttpResponse<String> floor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("bench-floor.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(floor.statusCode()).isEqualTo(200);
        assertThat(floor.body()).contains("ok");
    }

    @Test
    void theDashboardRunsAFixedNumberOfQueriesWhateverTheClassAndDatabaseSize() throws Exception {
        var small = DistrictGenerator.generate(url, "dodam", "dodam", Path.of("course-content"),
                new Shape("qa", 2, 8, 270, 270 * 6, 1));
        HttpSession teacherA = HttpSession.signIn(server, small.school(), small.teacher(), small.password());
        int smallCold = statements(teacherA, small.classId(), 35);
        int smallWarm = statements(teacherA, small.classId(), 35);
        int otherClass = statements(teacherA, small.otherClassId(), 33);

        var large = DistrictGenerator.generate(url, "dodam", "dodam", Path.of("course-content"),
                new Shape("qb", 3, 18, 600, 600 * 10, 2));
        assertThat(large.rows().get("progress")).isGreaterThan(3 * small.rows().get("progress"));
        int smallAfterGrowth = statements(teacherA, small.classId(), 35);
        HttpSession teacherB = HttpSession.signIn(server, large.school(), large.teacher(), large.password());
        int largeCold = statements(teacherB, large.classId(), 35);
        int largeWarm = statements(teacherB, large.classId(), 35);

        List<Integer> counts = List.of(smallCold, smallWarm, otherClass, smallAfterGrowth, largeCold, largeWarm);
        System.out.println("Dashboard SQL statements (small cold, warm, smaller class, after growth, large cold, warm): " + counts);
        assertThat(smallWarm).isPositive().isLessThanOrEqualTo(12);
        assertThat(counts).as("statements per dashboard render").containsOnly(smallWarm);
    }

    /**
     * Opens the dashboard of the class and returns the number of statements the server logged for it,
     * after checking that it shows the class (at least {@code students} students, each linked once).
     */
    private static int statements(HttpSession session, long classId, int students) throws InterruptedException {
        int before = server.statementCounts(DASHBOARD).size();
        HttpResponse<String> page = session.get("teacher/dashboard.xhtml?id=" + classId);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher links = Pattern.compile("student=\\d+").matcher(page.body());
        int shown = 0;
        while (links.find()) {
            shown++;
        }
        assertThat(shown).as("students on the dashboard").isBetween(students, 35);
        return server.nextStatementCount(DASHBOARD, before);
    }
}
