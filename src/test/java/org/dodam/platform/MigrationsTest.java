package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.dodam.testing.Postgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The same migration scripts build the same schema on H2 and on PostgreSQL, and a second run changes nothing. */
class MigrationsTest {

    @Test
    void migratesAnEmptyH2Database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        assertMigrates(h2);
    }

    @Test
    void migratesAnEmptyPostgresDatabase() throws Exception {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(Postgres.freshDatabase("dodam_migrations_test"));
        pg.setUser("postgres");
        assertMigrates(pg);
    }

    private static void assertMigrates(DataSource dataSource) throws Exception {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        assertThat(flyway.migrate().migrationsExecuted).isPositive();
        assertThat(flyway.migrate().migrationsExecuted).as("a second start applies nothing").isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(tables).contains("school", "account", "school_class", "class_membership", "id_generator");
        }
    }
}
