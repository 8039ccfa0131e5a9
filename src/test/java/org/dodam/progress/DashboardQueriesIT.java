package org.dodam.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.testing.DistrictGenerator;
import org.dodam.testing.DistrictGenerator.Shape;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.ServerDatabase;
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
 *
 * <p>The teacher's other lists that grow, a class's roster and their own list of classes, page and sort in the
 * database the same way: a fixed number of statements for a class of 35 or of 850, for 3 classes or 25, and every
 * student on exactly one page.
 */
class DashboardQueriesIT {

    private static final String DASHBOARD = "/teacher/dashboard.xhtml";
    private static final String NAME = "dashboard-queries";
    private static final String ROSTER = "/teacher/class.xhtml";
    private static final String HOME = "/teacher/index.xhtml";
    private static final Pattern STUDENT_LINK = Pattern.compile("student=(\\d+)\"[^>]*>([^<]+)</a>");
    private static final Pattern CLASS_LINK = Pattern.compile(
            "class\\.xhtml\\?id=(\\d+)\">([^<]+)</a></td><td[^>]*>(?:<span[^>]*>[^<]*</span>)?[^<]*</td><td[^>]*>(?:<span[^>]*>[^<]*</span>)?(\\d+)</td>");

    static DodamServer server;
    static String url;

    @BeforeAll
    static void start() {
        Path data = Path.of("target", "it-servers", NAME, "data").toAbsolutePath();
        // AUTO_SERVER lets the test write into the server's embedded database while it runs.
        url = "jdbc:h2:file:" + data + "/dodam;AUTO_SERVER=TRUE";
        // A school's own embedded database keeps its master key outside the data directory.
        // The statement counter is in the bench build only, never in the WAR a school runs.
        server = DodamServer.startBench(
                NAME,
                Map.of(
                        "DODAM_DB_URL",
                        url,
                        "DODAM_DEMO",
                        "false",
                        "DODAM_SQL_COUNT",
                        "true",
                        "DODAM_MASTER_KEY_FILE",
                        data.resolveSibling("master.key").toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theBenchBuildServesTheFrameworkFloorPage() throws Exception {
        HttpResponse<String> floor = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("bench-floor.xhtml")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(floor.statusCode()).isEqualTo(200);
        assertThat(floor.body()).contains("ok");
    }

    @Test
    void theDashboardRunsAFixedNumberOfQueriesWhateverTheClassAndDatabaseSize() throws Exception {
        var small = DistrictGenerator.generate(
                url, "dodam", "dodam", Path.of("course-content"), new Shape("qa", 2, 8, 270, 270 * 6, 1));
        HttpSession teacherA = HttpSession.signIn(server, small.school(), small.teacher(), small.password());
        int smallCold = statements(teacherA, small.classId(), 35);
        int smallWarm = statements(teacherA, small.classId(), 35);
        int otherClass = statements(teacherA, small.otherClassId(), 33);

        var large = DistrictGenerator.generate(
                url, "dodam", "dodam", Path.of("course-content"), new Shape("qb", 3, 18, 600, 600 * 10, 2));
        assertThat(large.rows().get("progress")).isGreaterThan(3 * small.rows().get("progress"));
        int smallAfterGrowth = statements(teacherA, small.classId(), 35);
        HttpSession teacherB = HttpSession.signIn(server, large.school(), large.teacher(), large.password());
        int largeCold = statements(teacherB, large.classId(), 35);
        int largeWarm = statements(teacherB, large.classId(), 35);

        List<Integer> counts = List.of(smallCold, smallWarm, otherClass, smallAfterGrowth, largeCold, largeWarm);
        System.out.println(
                "Dashboard SQL statements (small cold, warm, smaller class, after growth, large cold, warm): "
                        + counts);
        assertThat(smallWarm).isPositive().isLessThanOrEqualTo(12);
        assertThat(counts).as("statements per dashboard render").containsOnly(smallWarm);
    }

    @Test
    void theRosterAndTheClassListPageAndSortInTheDatabaseWhateverTheirSize() throws Exception {
        var district = DistrictGenerator.generate(
                url, "dodam", "dodam", Path.of("course-content"), new Shape("qr", 1, 25, 25 * 34, 25 * 34, 3));
        HttpSession teacher = HttpSession.signIn(server, district.school(), district.teacher(), district.password());
        String roster = "teacher/class.xhtml?id=" + district.classId();
        List<Integer> rosterCounts = new ArrayList<>();
        List<Integer> homeCounts = new ArrayList<>();

        assertThat(students(teacher, roster)).hasSize(35);
        rosterCounts.add(statements(teacher, ROSTER, roster));
        assertThat(classes(teacher, "")).hasSize(3);
        homeCounts.add(statements(teacher, HOME, "teacher/index.xhtml"));

        // Every student of the school into the teacher's class, and every class of the school to the teacher.
        long school = ServerDatabase.count(url, "select school_id from school_class where id = ?", district.classId());
        long teacherId =
                ServerDatabase.count(url, "select teacher_id from school_class where id = ?", district.classId());
        update(
                "update class_membership set class_id = ? where class_id in (select id from school_class where school_id = ?)",
                district.classId(),
                school);
        update("update school_class set teacher_id = ? where school_id = ?", teacherId, school);

        List<Student> firstPage = students(teacher, roster);
        assertThat(firstPage).as("one page of a class of 850").hasSize(40);
        assertThat(firstPage).isSortedAccordingTo(Comparator.comparing(Student::name));
        assertThat(teacher.get(roster).body()).contains("page=2");
        rosterCounts.add(statements(teacher, ROSTER, roster));
        Set<Long> seen = new HashSet<>();
        for (int page = 1; page <= 22; page++) {
            List<Student> shown = students(teacher, roster + "&page=" + page);
            assertThat(shown)
                    .as("page " + page)
                    .hasSize(page < 22 ? 40 : 850 - 21 * 40)
                    .isSortedAccordingTo(Comparator.comparing(Student::name));
            shown.forEach(student -> assertThat(seen.add(student.id()))
                    .as("%s on one page only", student)
                    .isTrue());
        }
        assertThat(seen).hasSize(850);
        assertThat(students(teacher, roster + "&page=23"))
                .as("past the last page, the last page")
                .hasSize(10);
        List<Student> descending = students(teacher, roster + "&sort=name-desc&page=3");
        assertThat(descending)
                .hasSize(40)
                .isSortedAccordingTo(Comparator.comparing(Student::name).reversed());
        rosterCounts.add(statements(teacher, ROSTER, roster + "&sort=name-desc&page=3"));
        rosterCounts.add(statements(teacher, ROSTER, roster + "&sort=username&page=22"));

        List<String[]> bySize = classes(teacher, "?sort=size-desc");
        assertThat(bySize).as("one page of 25 classes").hasSize(20);
        assertThat(bySize.get(0)[0]).as("the largest class first").isEqualTo(String.valueOf(district.classId()));
        assertThat(bySize.get(0)[2]).isEqualTo("850");
        assertThat(bySize.subList(1, 20)).allSatisfy(row -> assertThat(row[2]).isEqualTo("0"));
        assertThat(classes(teacher, "?sort=size-desc&page=2")).hasSize(5);
        List<String[]> byName = classes(teacher, "?page=2");
        assertThat(byName).hasSize(5).extracting(row -> row[1]).isSorted();
        homeCounts.add(statements(teacher, HOME, "teacher/index.xhtml"));
        homeCounts.add(statements(teacher, HOME, "teacher/index.xhtml?sort=size-desc&page=2"));

        System.out.println("Roster SQL statements (35 students, 850, name Z-A page 3, username page 22): "
                + rosterCounts + "; class list (3 classes, 25, by size page 2): " + homeCounts);
        assertThat(rosterCounts.get(0)).isPositive().isLessThanOrEqualTo(12);
        assertThat(rosterCounts).as("statements per roster page").containsOnly(rosterCounts.get(0));
        assertThat(homeCounts.get(0)).isPositive().isLessThanOrEqualTo(8);
        assertThat(homeCounts).as("statements per class list page").containsOnly(homeCounts.get(0));
    }

    private record Student(long id, String name) {}

    /** The students a roster page lists, in its order, after checking it answered. */
    private static List<Student> students(HttpSession session, String path) {
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        List<Student> shown = new ArrayList<>();
        Matcher links = STUDENT_LINK.matcher(page.body());
        while (links.find()) {
            shown.add(new Student(Long.parseLong(links.group(1)), links.group(2)));
        }
        return shown;
    }

    /** The classes (id, name, students) a page of the teacher's class list shows, in its order. */
    private static List<String[]> classes(HttpSession session, String query) {
        HttpResponse<String> page = session.get("teacher/index.xhtml" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        List<String[]> shown = new ArrayList<>();
        Matcher rows = CLASS_LINK.matcher(page.body());
        while (rows.find()) {
            shown.add(new String[] {rows.group(1), rows.group(2), rows.group(3)});
        }
        return shown;
    }

    /** Opens the page and returns the number of statements the server logged for it. */
    private static int statements(HttpSession session, String page, String path) throws InterruptedException {
        int before = server.statementCounts(page).size();
        assertThat(session.get(path).statusCode()).isEqualTo(200);
        return server.nextStatementCount(page, before);
    }

    private static void update(String sql, long... parameters) throws SQLException {
        try (Connection db = ServerDatabase.open(url);
                PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setLong(i + 1, parameters[i]);
            }
            assertThat(update.executeUpdate()).isPositive();
        }
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
