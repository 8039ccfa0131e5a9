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

    private Postgres() {
    }

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
