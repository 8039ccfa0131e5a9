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

    /**
     * The set-up passwords of {@link #schoolLikeTheDemo}: start passwords (ASVS 2.3.1), which
     * {@link #chooseTheDemoPasswords} replaces with the demo's.
     */
    static final String START_PASSWORD = "it-start-pass-2026";

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
     * and counsellor under the demo school's names and address, so that a test written against the embedded demo
     * runs unchanged on PostgreSQL (which never gets the demo school). The set-up's passwords are start passwords:
     * call {@link #chooseTheDemoPasswords} once the server runs, and both sign in with the demo's password.
     */
    public static java.util.Map<String, String> schoolLikeTheDemo(String database) throws SQLException {
        return java.util.Map.ofEntries(
                java.util.Map.entry("DODAM_DB_URL", freshDatabase(database)),
                java.util.Map.entry("DODAM_DB_USER", "postgres"),
                java.util.Map.entry("DODAM_SETUP_SCHOOL", "Hangang High School"),
                java.util.Map.entry("DODAM_SETUP_SCHOOL_CODE", DodamServer.SCHOOL),
                java.util.Map.entry("DODAM_SETUP_COUNTRY", "KR"),
                java.util.Map.entry("DODAM_SETUP_ADMIN", "demo-admin"),
                java.util.Map.entry("DODAM_SETUP_ADMIN_PASSWORD", START_PASSWORD),
                java.util.Map.entry("DODAM_SETUP_COUNSELLOR", "demo-counsellor"),
                java.util.Map.entry("DODAM_SETUP_COUNSELLOR_PASSWORD", START_PASSWORD),
                java.util.Map.entry("DODAM_SETUP_COUNSELLOR_EMAIL", "counsellor@dodam.example"));
    }

    /**
     * On a server started with {@link #schoolLikeTheDemo}: its admin and counsellor sign in once with the set-up's
     * start password and choose the demo's password, as a school's first admin and counsellor choose their own.
     * Returns the server; on a server where they already have, changes nothing.
     */
    public static DodamServer chooseTheDemoPasswords(DodamServer server) {
        for (String[] staff : new String[][] {{"demo-admin", "admin"}, {"demo-counsellor", "counsellor"}}) {
            HttpSession session;
            try {
                session = HttpSession.signIn(server, staff[0], START_PASSWORD);
            } catch (IllegalStateException alreadyChosen) {
                continue;
            }
            session.chooseOwnPasswordIfAsked(staff[1], DodamServer.DEMO_PASSWORD);
        }
        return server;
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
