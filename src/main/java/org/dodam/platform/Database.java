package org.dodam.platform;

import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The application's data source, declared in web.xml as java:app/jdbc/dodam and looked up when first
 * needed (Payara binds application-scoped data sources after it validates injection points, so it
 * cannot be injected with {@code @Resource}).
 */
@ApplicationScoped
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/dodam";

    private volatile DataSource dataSource;

    public DataSource dataSource() {
        DataSource current = dataSource;
        if (current == null) {
            try {
                current = (DataSource) new InitialContext().lookup(JNDI_NAME);
            } catch (NamingException e) {
                throw new IllegalStateException("The data source " + JNDI_NAME + " is not bound", e);
            }
            dataSource = current;
        }
        return current;
    }
}
