package org.dodam.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every row of every table of the application's schema, as someone holding a backup of the database sees
 * it, so that a test can compare what one step wrote: which rows appeared or changed, in which tables,
 * with which ids and times. Works on H2 and PostgreSQL through JDBC metadata alone.
 */
public final class DatabaseSnapshot {

    /** A row, by table and primary key, with its columns by lower-case name. */
    public record Row(String table, String key, Map<String, Object> values) {}

    /** What changed between two snapshots: new rows, and the columns of existing rows whose value changed. */
    public record Change(String table, String key, boolean added, Map<String, Object> values) {}

    private static final Set<Integer> TIME_TYPES =
            Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME, Types.TIME_WITH_TIMEZONE);

    private final Map<String, Row> rows;
    private final Map<String, Set<String>> timeColumns;

    private DatabaseSnapshot(Map<String, Row> rows, Map<String, Set<String>> timeColumns) {
        this.rows = rows;
        this.timeColumns = timeColumns;
    }

    public static DatabaseSnapshot take(String jdbcUrl, String user, String password) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            DatabaseMetaData meta = db.getMetaData();
            String schema = meta.getDatabaseProductName().toLowerCase().contains("h2") ? "PUBLIC" : "public";
            List<String> tables = new ArrayList<>();
            try (ResultSet found = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    String table = found.getString("TABLE_NAME");
                    if (!table.toLowerCase().startsWith("flyway_")) {
                        tables.add(table);
                    }
                }
            }
            Map<String, Row> rows = new TreeMap<>();
            Map<String, Set<String>> timeColumns = new HashMap<>();
            for (String table : tables) {
                List<String> keyColumns = new ArrayList<>();
                try (ResultSet keys = meta.getPrimaryKeys(null, schema, table)) {
                    while (keys.next()) {
                        keyColumns.add(keys.getString("COLUMN_NAME").toLowerCase());
                    }
                }
                String name = table.toLowerCase();
                try (ResultSet all = db.createStatement().executeQuery("select * from " + table)) {
                    ResultSetMetaData columns = all.getMetaData();
                    Set<String> times = new java.util.HashSet<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        if (TIME_TYPES.contains(columns.getColumnType(c))) {
                            times.add(columns.getColumnName(c).toLowerCase());
                        }
                    }
                    timeColumns.put(name, times);
                    while (all.next()) {
                        Map<String, Object> values = new TreeMap<>();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            values.put(columns.getColumnName(c).toLowerCase(), all.getObject(c));
                        }
                        String key = keyColumns.isEmpty()
                                ? values.toString()
                                : keyColumns.stream()
                                        .map(k -> String.valueOf(values.get(k)))
                                        .toList()
                                        .toString();
                        rows.put(name + "/" + key, new Row(name, key, values));
                    }
                }
            }
            return new DatabaseSnapshot(rows, timeColumns);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows that appeared since {@code before}, and the changed columns of rows that were there. */
    public List<Change> since(DatabaseSnapshot before) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Row now = entry.getValue();
            Row then = before.rows.get(entry.getKey());
            if (then == null) {
                changes.add(new Change(now.table(), now.key(), true, now.values()));
                continue;
            }
            Map<String, Object> changed = new TreeMap<>();
            now.values().forEach((column, value) -> {
                if (!Objects.equals(
                        String.valueOf(value), String.valueOf(then.values().get(column)))) {
                    changed.put(column, value);
                }
            });
            if (!changed.isEmpty()) {
                changes.add(new Change(now.table(), now.key(), false, changed));
            }
        }
        return changes;
    }

    /** Whether the column holds a time of day (a timestamp or a time), not only a day. */
    public boolean holdsTimeOfDay(String table, String column) {
        return timeColumns.getOrDefault(table, Set.of()).contains(column);
    }
}
