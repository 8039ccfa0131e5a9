package org.dodam.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import org.dodam.testing.Browser;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Mailbox;
import org.dodam.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;

/** The same proof as {@link CounsellorAccessIT}, on PostgreSQL: the admin alone cannot give anyone the reports. */
class CounsellorAccessOnPostgresIT extends CounsellorAccessIT {

    @BeforeAll
    static void start() throws SQLException {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        mail = Mailbox.start();
        server = DodamServer.shared("counsellor-access-pg", environment(mail, Postgres.schoolLikeTheDemo("dodam_it_counsellors")));
        browser = new Browser();
    }
}
