package org.dodam.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.dodam.platform.ConfiguredDataSource;
import org.dodam.platform.settings.Setting;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts the SQL statements one request sends to the database, so that a test and the dashboard benchmark
 * can check that a page runs a fixed number of queries whatever the database holds. Part of the bench build
 * only (src/bench, target/dodam-bench.war), never of the WAR a school runs: {@link ConfiguredDataSource}
 * finds it through {@link java.util.ServiceLoader}. Off unless DODAM_SQL_COUNT is true: then connections
 * count their statements and {@link SqlCountFilter} logs the count of each request. Only the number is
 * kept, never the SQL or its parameters, so nothing personal can reach the log.
 */
public final class SqlStatementCount implements ConfiguredDataSource.ConnectionWrapper {

    /** DODAM_SQL_COUNT, documented in the README with the application's settings. */
    public static final Setting<Boolean> ENABLED = Setting.flag("dodam.sql.count", false);

    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

    private final boolean enabled = ENABLED.read(ConfigProvider.getConfig(SqlStatementCount.class.getClassLoader()));

    @Override
    public Connection wrap(Connection connection) {
        return enabled ? counting(connection) : connection;
    }

    /** Starts counting the statements this thread executes. */
    public static void start() {
        CURRENT.set(new int[1]);
    }

    /** Stops counting and returns how many statements this thread executed since {@link #start()}. */
    public static int stop() {
        int[] count = CURRENT.get();
        CURRENT.remove();
        return count == null ? 0 : count[0];
    }

    static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, SqlStatementCount::countingStatement);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, SqlStatementCount::countingStatement);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, SqlStatementCount::countingStatement);
            }
            return result;
        });
    }

    private static Object countingStatement(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute")) {
            int[] count = CURRENT.get();
            if (count != null) {
                count[0]++;
            }
        }
        return invoke(target, method, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap")
                    && args != null
                    && args[0] instanceof Class<?> iface
                    && iface.isInstance(proxy)) {
                return proxy;
            }
            if (method.getName().equals("isWrapperFor")
                    && args != null
                    && args[0] instanceof Class<?> iface
                    && iface.isInstance(proxy)) {
                return true;
            }
            return handler.handle(target, method, args);
        };
        return type.cast(
                Proxy.newProxyInstance(SqlStatementCount.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
