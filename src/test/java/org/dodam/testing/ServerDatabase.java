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

    /**
     * Adds a student to the demo school, in the first class of {@code like}, whose password hash is stored as given
     * (a hash in a format of before, say), and returns the account's id. Nothing has read the new row yet, so the
     * server's cache of accounts does not hold it.
     */
    public static long addStudentWithHash(String jdbcUrl, String like, String username, String passwordHash)
            throws SQLException {
        try (Connection db = open(jdbcUrl)) {
            db.setAutoCommit(false);
            try (PreparedStatement reserve =
                    db.prepareStatement("update id_generator set next_value = next_value + 50 where name = 'dodam'")) {
                reserve.executeUpdate();
            }
            long last;
            try (ResultSet rs =
                    db.createStatement().executeQuery("select next_value from id_generator where name = 'dodam'")) {
                rs.next();
                last = rs.getLong(1);
            }
            long accountId = last - 1;
            try (PreparedStatement account = db.prepareStatement("insert into account (id, school_id, username,"
                    + " password_hash, role, display_name, email, locale, active, created_at) select ?, school_id, ?, ?,"
                    + " role, 'Legacy Hash', null, locale, true, created_at from account where username = ?"
                    + " and school_id = (select id from school where code = ?)")) {
                account.setLong(1, accountId);
                account.setString(2, username);
                account.setString(3, passwordHash);
                account.setString(4, like);
                account.setString(5, DodamServer.SCHOOL); // another school may have a student of that name
                if (account.executeUpdate() != 1) {
                    throw new IllegalStateException("no account " + like);
                }
            }
            try (PreparedStatement member = db.prepareStatement("insert into class_membership (id, class_id,"
                    + " student_id, joined_at) select ?, min(m.class_id), ?, ? from class_membership m"
                    + " join account a on a.id = m.student_id where a.username = ? and m.removed_at is null"
                    + " and a.school_id = (select id from school where code = ?)")) {
                member.setLong(1, last);
                member.setLong(2, accountId);
                member.setTimestamp(3, Timestamp.from(Instant.now()));
                member.setString(4, like);
                member.setString(5, DodamServer.SCHOOL);
                member.executeUpdate();
            }
            db.commit();
            return accountId;
        }
    }

    /** One text from the database, such as a stored password hash. */
    public static String text(String jdbcUrl, String sql, Object... parameters) throws SQLException {
        try (Connection db = open(jdbcUrl);
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
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
