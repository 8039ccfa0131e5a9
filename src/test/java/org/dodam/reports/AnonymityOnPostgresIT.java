package org.dodam.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Postgres;
import org.dodam.testing.Reporting;

/**
 * The same proofs as {@link AnonymityIT}, on PostgreSQL: scripts off, the receipt after a failure, forged tokens,
 * cross-site posts, one client behind the proxy, with the tables read on PostgreSQL.
 */
class AnonymityOnPostgresIT extends AnonymityIT {

    @Override
    GreenMail mailbox() {
        return Reporting.mailOnPostgres();
    }

    @Override
    DodamServer server() throws Exception {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        return Reporting.serverOnPostgres();
    }

    /**
     * Not repeated here: the set-up school has no students. PostgresIT#theSchoolCannotPlaceAReportAmongAStudentsClicksOnPostgres
     * runs the same adversary on PostgreSQL with a student of its own.
     */
    @Override
    void theSchoolCannotPlaceAReportAmongAStudentsClicks() {}
}
