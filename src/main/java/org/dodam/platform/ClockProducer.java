package org.dodam.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;
import java.time.Clock;

/** Time and randomness are injected, so that tests and benchmarks can control them. */
@ApplicationScoped
public class ClockProducer {

    private final SecureRandom random = new SecureRandom();

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    SecureRandom secureRandom() {
        return random;
    }
}
