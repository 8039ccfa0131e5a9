package org.dodam.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The database of a running server opened beside it (H2 with AUTO_SERVER), for what pages cannot do or show:
 * adding a second school with its administrator for tests across schools, and counting kept records.
 * The application creates a school only from DODAM_SETUP_* on a database without one, and the demo school
 * only on an empty database, so no start-up gives both. This inserts exactly the two rows that
 * {@code SchoolSetup} inserts (a school and its first admin, with the demo accounts' password hash and
 * ids reserved from the same id counter as JPA); everything after that goes through the pages.
 */
public final class ServerDatabase {

    private ServerDatabase() {}

    /** Creates the school with that code, and an admin who signs in with {@link DodamServer#DEMO_PASSWORD}. */
    public static void addSchool(String jdbcUrl, String schoolName, String code, String adminUsername)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "dodam", "dodam")) {
            db.setAutoCommit(false);
            long last;
            try (PreparedStatement reserve =
                    db.prepareStatement("update id_generator set next_value = next_value + 50 where name = 'dodam'")) {
                reserve.executeUpdate();
            }
            try (ResultSet rs =
                    db.createStatement().executeQuery("select next_value from id_generator where name = 'dodam'")) {
                rs.next();
                last = rs.getLong(1);
            }
            long schoolId = last - 1;
            long adminId = last;
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement school = db.prepareStatement(
                    "insert into school (id, name, country, code, created_at) values (?, ?, 'KR', ?, ?)")) {
                school.setLong(1, schoolId);
                school.setString(2, schoolName);
                school.setString(3, code);
                school.setTimestamp(4, now);
                school.executeUpdate();
            }
            try (PreparedStatement admin =
                    db.prepareStatement("insert into account (id, school_id, username, password_hash, role,"
                            + " display_name, email, locale, active, created_at) select ?, ?, ?, password_hash, 'SCHOOL_ADMIN', 'Administrator',"
                            + " null, 'en', true, ? from account where username = 'demo-admin'"
                            + " and school_id = (select id from school where code = '" + DodamServer.SCHOOL + "')")) {
                admin.setLong(1, adminId);
                admin.setLong(2, schoolId);
                admin.setString(3, adminUsername);
                admin.setTimestamp(4, now);
                if (admin.executeUpdate() != 1) {
                    throw new IllegalStateException("the demo school is missing");
                }
            }
            db.commit();
        }
    }

    /** A connection to a test server's database: H2 beside the server, or the local PostgreSQL. */
    public static Connection open(String jdbcUrl) throws SQLException {
        return jdbcUrl.startsWith("jdbc:postgresql:")
                ? DriverManager.getConnection(jdbcUrl, "postgres", "")
                : DriverManager.getConnection(jdbcUrl, "dodam", "dodam");
    }

    /** One number from the database, for checks of what the pages cannot show (kept records). */
    public static long count(String jdbcUrl, String sql, Object... parameters) throws SQLException {
        try (Connection db = open(jdbcUrl);
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
