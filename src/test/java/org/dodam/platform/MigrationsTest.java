package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

    @Test
    void movesTheTextsOfEachLanguageIntoRowsOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:texts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        assertMovesTexts(h2);
    }

    @Test
    void movesTheTextsOfEachLanguageIntoRowsOnPostgres() throws Exception {
        assumeTrue(Postgres.available(), "no PostgreSQL server at 127.0.0.1:5432");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(Postgres.freshDatabase("dodam_texts_test"));
        pg.setUser("postgres");
        assertMovesTexts(pg);
    }

    /** V14 copies a module's and a lesson's Korean and English columns into one row per language, then drops them. */
    private static void assertMovesTexts(DataSource dataSource) throws Exception {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("13")
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "insert into course_module (id, position, audience, bands, title_en, title_ko, summary_en,"
                            + " summary_ko, retired, family_letter_en, family_letter_ko) values ('consent', 1, 'students', 'middle',"
                            + " 'Consent', '동의', 'About consent', '동의에 대해', false, '# Letter', '# 편지')");
            statement.executeUpdate("insert into lesson (id, module_id, position, bands, minutes, version, pass_mark,"
                    + " feedback_mode, title_en, title_ko, document, retired) values ('asking-first', 'consent', 1, 'middle',"
                    + " 30, 'v1', 70, 'each', 'Asking first', '먼저 물어보기', '{}', false)");
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> modules = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select module_id, language, title, summary, family_letter"
                    + " from course_module_text order by language")) {
                while (rs.next()) {
                    modules.add(String.join(
                            "|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            assertThat(modules)
                    .containsExactly("consent|en|Consent|About consent|# Letter", "consent|ko|동의|동의에 대해|# 편지");
            List<String> lessons = new ArrayList<>();
            try (ResultSet rs =
                    statement.executeQuery("select lesson_id, language, title from lesson_text order by language")) {
                while (rs.next()) {
                    lessons.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            assertThat(lessons).containsExactly("asking-first|en|Asking first", "asking-first|ko|먼저 물어보기");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (table.equals("course_module") || table.equals("lesson")) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            assertThat(columns).isNotEmpty().noneMatch(c -> c.endsWith("_en") || c.endsWith("_ko"));
        }
    }

    private static void assertMigrates(DataSource dataSource) throws Exception {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        assertThat(flyway.migrate().migrationsExecuted).isPositive();
        assertThat(flyway.migrate().migrationsExecuted)
                .as("a second start applies nothing")
                .isZero();
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
