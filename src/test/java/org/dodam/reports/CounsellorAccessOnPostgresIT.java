package org.dodam.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Postgres;
import org.dodam.testing.Reporting;

/** The same proof as {@link CounsellorAccessIT}, on PostgreSQL: the admin alone cannot give anyone the reports. */
class CounsellorAccessOnPostgresIT extends CounsellorAccessIT {

    @Override
    GreenMail mailbox() {
        return Reporting.mailOnPostgres();
    }

    @Override
    DodamServer server() throws Exception {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        return Reporting.serverOnPostgres();
    }

    /** The set-up administrator's name (the set-up takes no name). */
    @Override
    String adminName() {
        return "Administrator";
    }
}
