package org.dodam.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import org.dodam.testing.DodamServer;
import org.dodam.testing.Postgres;

/** The same proof as {@link ReportFloodIT}, on PostgreSQL: a flood refuses nobody, and notices come in batches. */
class ReportFloodOnPostgresIT extends ReportFloodIT {

    @Override
    DodamServer server(GreenMail mail) throws Exception {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        return Postgres.chooseTheDemoPasswords(DodamServer.start(
                "report-flood-pg", environment(mail, Postgres.schoolLikeTheDemo("dodam_it_flood")), true));
    }
}
