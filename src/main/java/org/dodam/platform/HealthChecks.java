package org.dodam.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Liveness (the process answers) and readiness (start-up finished and the database answers) at /health. */
@ApplicationScoped
public class HealthChecks {

    @Inject
    ApplicationStartup startup;

    @Inject
    Database database;

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("dodam");
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> HealthCheckResponse.named("dodam-database")
                .status(startup.ready() && databaseAnswers())
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
