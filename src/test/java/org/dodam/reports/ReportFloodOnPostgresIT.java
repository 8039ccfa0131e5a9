package org.dodam.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;

/** The same proof as {@link ReportFloodIT}, on PostgreSQL: a flood refuses nobody, and notices come in batches. */
class ReportFloodOnPostgresIT extends ReportFloodIT {

    @BeforeAll
    static void start() throws SQLException {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        mail = Mailbox.start();
        server = DodamServer.start("report-flood-pg", environment(mail, Postgres.schoolLikeTheDemo("dodam_it_flood")), true);
        browser = new Browser();
    }
}
