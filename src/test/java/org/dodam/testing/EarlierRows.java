package org.dodam.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import org.dodam.platform.crypto.Sealing;

/**
 * Turns a case in a stopped server's H2 file (or a PostgreSQL database) back into what a Dodam before schema version 6 wrote: the
 * report, its messages and notes on ids from the shared counter, their texts sealed under those ids. Written
 * here from the stored format (key file, wrapped data key, sealed texts), not with the application's classes
 * that re-key them.
 */
public final class EarlierRows {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EarlierRows() {}

    /** Gives the case whose description is the given text the id {@code earlierId}, its messages and notes the ids after it. */
    public static void make(Connection db, String keyFile, String description, long earlierId) throws SQLException {
        SecretKey master = Sealing.key(Base64.getDecoder()
                .decode(keyFile.lines().findFirst().orElseThrow().strip()));
        long id = -1;
        long school = -1;
        SecretKey data = null;
        try (ResultSet rows = db.createStatement()
                .executeQuery("select r.id, r.school_id, r.sealed_description, c.wrapped_key "
                        + "from incident_report r join report_channel c on c.school_id = r.school_id")) {
            while (rows.next() && id < 0) {
                SecretKey key = Sealing.key(
                        Sealing.openBytes(master, rows.getString(4), "dodam/school-data-key/" + rows.getLong(2)));
                if (description.equals(Sealing.open(
                        key, rows.getString(3), context(rows.getLong(2), "description", rows.getLong(1))))) {
                    id = rows.getLong(1);
                    school = rows.getLong(2);
                    data = key;
                }
            }
        }
        if (id < 0) {
            throw new IllegalStateException("no case with that description");
        }
        db.setAutoCommit(false);
        boolean postgres = db.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement statement = db.createStatement()) {
            // The foreign keys would refuse the case's rows moving one by one; the moves end consistent.
            statement.execute(postgres ? "set session_replication_role = replica" : "set referential_integrity false");
            try (ResultSet report = statement.executeQuery(
                            "select sealed_place, sealed_happened_on, sealed_description from incident_report where id = "
                                    + id);
                    PreparedStatement update =
                            db.prepareStatement("update incident_report set id = ?, sealed_place = ?, "
                                    + "sealed_happened_on = ?, sealed_description = ? where id = ?")) {
                report.next();
                update.setLong(1, earlierId);
                update.setString(2, reseal(data, report.getString(1), school, "place", id, earlierId));
                update.setString(3, reseal(data, report.getString(2), school, "happened", id, earlierId));
                update.setString(4, reseal(data, report.getString(3), school, "description", id, earlierId));
                update.setLong(5, id);
                update.executeUpdate();
            }
            for (String table : List.of("case_message", "case_note", "case_referral", "audit_event")) {
                statement.executeUpdate(
                        "update " + table + " set report_id = " + earlierId + " where report_id = " + id);
            }
            long next = earlierId + 1;
            next = renumber(db, data, school, "case_message", "message", earlierId, next);
            renumber(db, data, school, "case_note", "note", earlierId, next);
            statement.execute(postgres ? "set session_replication_role = default" : "set referential_integrity true");
        }
        db.commit();
    }

    private static long renumber(
            Connection db, SecretKey data, long school, String table, String field, long reportId, long next)
            throws SQLException {
        List<long[]> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try (ResultSet rows = db.createStatement()
                .executeQuery(
                        "select id, sealed_body from " + table + " where report_id = " + reportId + " order by id")) {
            while (rows.next()) {
                ids.add(new long[] {rows.getLong(1), next++});
                bodies.add(rows.getString(2));
            }
        }
        try (PreparedStatement update =
                db.prepareStatement("update " + table + " set id = ?, sealed_body = ? where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                update.setLong(1, ids.get(i)[1]);
                update.setString(2, reseal(data, bodies.get(i), school, field, ids.get(i)[0], ids.get(i)[1]));
                update.setLong(3, ids.get(i)[0]);
                update.executeUpdate();
            }
        }
        return next;
    }

    private static String reseal(SecretKey data, String sealed, long school, String field, long from, long to) {
        return Sealing.seal(
                data, Sealing.open(data, sealed, context(school, field, from)), context(school, field, to), RANDOM);
    }

    private static String context(long school, String field, long rowId) {
        return "dodam/" + school + "/" + field + "/" + rowId;
    }
}
