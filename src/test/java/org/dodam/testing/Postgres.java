package org.dodam.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL server on 127.0.0.1:5432 (user postgres, trust auth), when one answers. */
public final class Postgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;

    private Postgres() {}

    public static boolean available() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /**
     * The settings for a server on a new database of that name whose set-up makes the school's administrator
     * and counsellor under the demo school's names, passwords and address, so that a test written against the
     * embedded demo runs unchanged on PostgreSQL (which never gets the demo school).
     */
    public static java.util.Map<String, String> schoolLikeTheDemo(String database) throws SQLException {
        return java.util.Map.ofEntries(
                java.util.Map.entry("DODAM_DB_URL", freshDatabase(database)),
                java.util.Map.entry("DODAM_DB_USER", "postgres"),
                java.util.Map.entry("DODAM_SETUP_SCHOOL", "Hangang High School"),
                java.util.Map.entry("DODAM_SETUP_SCHOOL_CODE", DodamServer.SCHOOL),
                java.util.Map.entry("DODAM_SETUP_COUNTRY", "KR"),
                java.util.Map.entry("DODAM_SETUP_ADMIN", "demo-admin"),
                java.util.Map.entry("DODAM_SETUP_ADMIN_PASSWORD", DodamServer.DEMO_PASSWORD),
                java.util.Map.entry("DODAM_SETUP_COUNSELLOR", "demo-counsellor"),
                java.util.Map.entry("DODAM_SETUP_COUNSELLOR_PASSWORD", DodamServer.DEMO_PASSWORD),
                java.util.Map.entry("DODAM_SETUP_COUNSELLOR_EMAIL", "counsellor@dodam.example"));
    }

    /** A new, empty database with the given name (dropped first if a previous run left it). */
    public static String freshDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("test"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return url(name);
    }
}
