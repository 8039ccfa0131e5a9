package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.dodam.testing.ManyReports;
import org.dodam.testing.ServerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The counsellor's inbox pages in the database: one page runs the same number of SQL statements whether the
 * school has the demo's 2 reports, 60 or 5,000, and shows 20 cases of many, with plain links to the next page.
 * Counted on the server (DODAM_SQL_COUNT, in the bench build, as {@code DashboardQueriesIT} does). The reports
 * added here have empty sealed texts, which no key opens: a page that opened a text would fail on them.
 */
class InboxQueriesIT {

    private static final String INBOX = "/counsellor/index.xhtml";
    private static final Pattern CASE_LINK = Pattern.compile("href=\"/counsellor/case\\.xhtml\\?id=\\d+\"");
    private static final String NAME = "inbox-queries";

    static DodamServer server;
    static String url;

    @BeforeAll
    static void start() {
        url = DodamServer.openBeside(NAME);
        server = DodamServer.startBench(NAME, Map.of("DODAM_DB_URL", url, "DODAM_SQL_COUNT", "true"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anInboxPageRunsAFixedNumberOfQueriesAndShowsOnePageWhateverTheSchoolsSize() throws Exception {
        long school = ServerDatabase.count(url, "select school_id from account where username = 'demo-counsellor'");
        HttpSession counsellor = HttpSession.signIn(server, "demo-counsellor", DodamServer.DEMO_PASSWORD);
        List<Integer> counts = new ArrayList<>();

        assertThat(rows(counsellor, "")).as("the demo's open reports").isEqualTo(2);
        counts.add(statements(counsellor, ""));

        add(school, 600, 1); // about 60 open
        long open = ServerDatabase.count(
                url, "select count(*) from incident_report where school_id = ? and status <> 'CLOSED'", school);
        assertThat(open).isGreaterThan(40);
        assertThat(rows(counsellor, "")).isEqualTo(20);
        counts.add(statements(counsellor, ""));
        int lastPage = (int) ((open + 19) / 20);
        assertThat(counsellor
                        .get("counsellor/index.xhtml?page=" + (lastPage - 1))
                        .body())
                .contains("page=" + lastPage);
        assertThat(rows(counsellor, "?page=" + lastPage)).isEqualTo((int) (open - 20 * (lastPage - 1)));

        add(school, 5000, 2);
        assertThat(rows(counsellor, "")).isEqualTo(20);
        counts.add(statements(counsellor, ""));
        assertThat(rows(counsellor, "?show=closed&sort=oldest&page=7")).isEqualTo(20);
        counts.add(statements(counsellor, "?show=closed&sort=oldest&page=7"));
        counts.add(statements(counsellor, "?sort=newest&page=3"));

        System.out.println("Inbox SQL statements (2 reports, 600, 5,600, closed page 7, newest page 3): " + counts);
        assertThat(counts.get(0)).isPositive().isLessThanOrEqualTo(12);
        assertThat(counts).as("statements per inbox page").containsOnly(counts.get(0));
    }

    private static void add(long school, int reports, long seed) throws Exception {
        try (Connection db = ServerDatabase.open(url)) {
            ManyReports.insert(db, school, reports, seed);
        }
    }

    /** The cases the inbox page lists, after checking it answered. */
    private static int rows(HttpSession session, String query) {
        HttpResponse<String> page = session.get("counsellor/index.xhtml" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher links = CASE_LINK.matcher(page.body());
        int shown = 0;
        while (links.find()) {
            shown++;
        }
        return shown;
    }

    /** Opens the inbox page and returns the number of statements the server logged for it. */
    private static int statements(HttpSession session, String query) throws InterruptedException {
        int before = server.statementCounts(INBOX).size();
        assertThat(session.get("counsellor/index.xhtml" + query).statusCode()).isEqualTo(200);
        return server.nextStatementCount(INBOX, before);
    }
}
