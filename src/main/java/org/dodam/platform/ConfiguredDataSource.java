package org.dodam.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source class named by the data source in web.xml: reads the JDBC URL and credentials as
 * {@link PlatformSettings} declares them (DODAM_DB_URL, DODAM_DB_USER and DODAM_DB_PASSWORD) and
 * picks H2's or PostgreSQL's driver from the URL, so that one WAR runs on either database. Connections
 * pass through the {@link ConnectionWrapper}s on the class path: none in the WAR a school runs.
 */
public class ConfiguredDataSource implements DataSource {

    /**
     * Wraps every connection the data source hands out, found through {@link ServiceLoader}. The WAR a school
     * runs holds none; the bench build (src/bench, target/dodam-bench.war) adds the SQL statement counter of
     * the dashboard test and benchmark, so that no benchmark code ships to schools.
     */
    public interface ConnectionWrapper {
        Connection wrap(Connection connection);
    }

    private String url;
    private String user;
    private String password;
    private volatile DataSource delegate;
    private volatile List<ConnectionWrapper> wrappers = List.of();

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    private DataSource delegate() throws SQLException {
        DataSource current = delegate;
        if (current == null) {
            current = create();
            delegate = current;
        }
        return current;
    }

    private DataSource create() throws SQLException {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        wrappers = ServiceLoader.load(ConnectionWrapper.class, ConfiguredDataSource.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (url == null || url.isBlank()) {
            PlatformSettings.DatabaseLogin login = PlatformSettings.database(config);
            url = login.url();
            user = login.user();
            password = login.password();
        }
        if (url == null || url.isBlank()) {
            throw new SQLException("No database URL is configured (DODAM_DB_URL)");
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            return pg;
        }
        throw new SQLException("Unsupported database URL; use jdbc:h2: or jdbc:postgresql:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrapped(delegate().getConnection());
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return wrapped(delegate().getConnection(username, pass));
    }

    private Connection wrapped(Connection connection) {
        Connection result = connection;
        for (ConnectionWrapper wrapper : wrappers) {
            result = wrapper.wrap(result);
        }
        return result;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through java.util.logging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The pool sets its own timeouts.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
