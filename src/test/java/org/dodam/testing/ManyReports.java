package org.dodam.testing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.dodam.reports.domain.CaseIds;

/**
 * Writes many reports into one school with plain JDBC batches, for the tests and benchmarks of the paged
 * inbox: a fifth urgent, one in ten still open (the rest closed, as in a school that has had Dodam for years),
 * received over the past two years. Their sealed texts are left empty, which no data key opens: a page that
 * tried to open a text it does not show would fail on them. Ids are random, as the application's are.
 */
public final class ManyReports {

    private static final String[] CATEGORIES = {
        "DEEPFAKE", "INTIMATE_IMAGES", "SEXTORTION", "HIDDEN_CAMERA", "GROUP_CHAT", "OTHER"
    };
    private static final String[] OPEN = {"NEW", "TRIAGED", "IN_PROGRESS", "REFERRED"};

    private ManyReports() {}

    /** Adds {@code count} reports to the school; the same seed gives the same reports. */
    public static void insert(Connection db, long schoolId, int count, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        HexFormat hex = HexFormat.of();
        LocalDate today = LocalDate.now();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(
                "insert into incident_report (id, school_id, receipt_hash,"
                        + " reporter_role, category, urgent, submitted_on, status, outcome, sealed_place, sealed_happened_on,"
                        + " sealed_description, closed_at, version) values (?, ?, ?, 'OTHER', ?, ?, ?, ?, ?, '', '', '', ?, 0)")) {
            for (int i = 0; i < count; i++) {
                boolean open = random.nextInt(10) == 0;
                LocalDate day = today.minusDays(random.nextInt(730));
                insert.setLong(1, CaseIds.next(random));
                insert.setLong(2, schoolId);
                byte[] receipt = new byte[32];
                random.nextBytes(receipt);
                insert.setString(3, hex.formatHex(receipt));
                insert.setString(4, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                insert.setBoolean(5, random.nextInt(5) == 0);
                insert.setDate(6, Date.valueOf(day));
                insert.setString(7, open ? OPEN[random.nextInt(OPEN.length)] : "CLOSED");
                insert.setString(8, open ? null : "RESOLVED_IN_SCHOOL");
                insert.setTimestamp(
                        9, open ? null : Timestamp.valueOf(day.plusDays(3).atStartOfDay()));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }
}
