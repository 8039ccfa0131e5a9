package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dodam.testing.DodamServer;
import org.dodam.testing.HttpSession;
import org.junit.jupiter.api.Test;

/**
 * The demo school only when asked for: a start on an empty embedded database that does not set DODAM_DEMO
 * makes the school its set-up variables describe and nothing else (no demo accounts, classes or reports). The same
 * server has a short absolute session lifetime, which ends its admin's busy session.
 */
class PlainStartIT {

    @Test
    void aStartThatDoesNotAskForTheDemoCreatesOnlyTheSetUpSchool() throws Exception {
        Path keyFile =
                Path.of("target", "it-servers", "plain-start-key", "master.key").toAbsolutePath();
        Files.deleteIfExists(keyFile);
        DodamServer server = DodamServer.start(
                "plain-start",
                Map.of(
                        "DODAM_DEMO", "",
                        "DODAM_MASTER_KEY_FILE", keyFile.toString(),
                        "DODAM_SETUP_SCHOOL", "Plain Start School",
                        "DODAM_SETUP_COUNTRY", "KR",
                        "DODAM_SETUP_ADMIN", "plain-admin",
                        "DODAM_SETUP_ADMIN_PASSWORD", "Kestrel-harbour-93-lantern",
                        "DODAM_SIGNIN_SESSION_MAX_SECONDS", "8"),
                true);
        String log;
        try {
            // The session ends 8 s after sign-in however busy it is (well inside the 30-minute idle time-out).
            // Timed from before the sign-in: the session begins somewhere inside that call, never before it.
            long signedIn = System.nanoTime();
            HttpSession admin = HttpSession.signIn(server, "plain-admin", "Kestrel-harbour-93-lantern");
            // The set-up password sits in the server's environment: the admin replaces it before anything else.
            assertThat(admin.get("admin/index.xhtml").uri().getPath()).endsWith("/admin/password.xhtml");
            assertThat(admin.chooseOwnPasswordIfAsked("admin", "plain admin picks quiet tulips"))
                    .isTrue();
            assertThat(admin.get("admin/index.xhtml").body()).contains("Plain Start School");
            HttpResponse<String> page;
            do {
                Thread.sleep(1_000);
                page = admin.get("admin/index.xhtml");
            } while (page.uri().getPath().endsWith("/admin/index.xhtml")
                    && System.nanoTime() - signedIn < 30_000_000_000L);
            long seconds = (System.nanoTime() - signedIn) / 1_000_000_000L;
            assertThat(seconds).as("not before its lifetime").isGreaterThanOrEqualTo(8);
            assertThat(page.uri().toString())
                    .as("to the sign-in form after " + seconds + " s")
                    .endsWith("/login.xhtml?ended=true");
            assertThat(page.body()).contains("id=\"sessionEnded\"").doesNotContain("Plain Start School");
            assertThat(admin.get("admin/index.xhtml").uri().getPath())
                    .as("the session is gone, not just hidden")
                    .endsWith("/login.xhtml");
            log = server.logText();
        } finally {
            server.stop();
        }
        assertThat(log).doesNotContain("demo-admin").doesNotContain("demo school");
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + server.dataDirectory().resolve("dodam") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                "dodam",
                "dodam")) {
            assertThat(column(db, "select name from school")).containsExactly("Plain Start School");
            assertThat(column(db, "select username from account")).containsExactly("plain-admin");
            assertThat(column(db, "select count(*) from incident_report")).containsExactly("0");
        }
    }

    private static List<String> column(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
