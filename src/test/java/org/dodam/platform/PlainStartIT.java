package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dodam.testing.DodamServer;
import org.junit.jupiter.api.Test;

/**
 * The demo school only when asked for: a start on an empty embedded database that does not set DODAM_DEMO
 * makes the school its set-up variables describe and nothing else (no demo accounts, classes or reports).
 */
class PlainStartIT {

    @Test
    void aStartThatDoesNotAskForTheDemoCreatesOnlyTheSetUpSchool() throws Exception {
        Path keyFile = Path.of("target", "it-servers", "plain-start-key", "master.key").toAbsolutePath();
        Files.deleteIfExists(keyFile);
        DodamServer server = DodamServer.start("plain-start", Map.of(
                "DODAM_DEMO", "",
                "DODAM_MASTER_KEY_FILE", keyFile.toString(),
                "DODAM_SETUP_SCHOOL", "Plain Start School",
                "DODAM_SETUP_COUNTRY", "KR",
                "DODAM_SETUP_ADMIN", "plain-admin",
                "DODAM_SETUP_ADMIN_PASSWORD", "Kestrel-harbour-93-lantern"), true);
        String log;
        try {
            log = server.logText();
        } finally {
            server.stop();
        }
        assertThat(log).doesNotContain("demo-admin").doesNotContain("demo school");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + server.dataDirectory().resolve("dodam")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "dodam", "dodam")) {
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
