package org.dodam.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The school's calendar: today's date and the day of a moment in the school's time zone (DODAM_TIME_ZONE,
 * Asia/Seoul by default). Due dates, a report's day and "late" are days at the school, not in UTC; this is
 * the one place that uses the setting.
 */
@ApplicationScoped
public class SchoolClock {

    @Inject
    Clock clock;

    @Inject
    PlatformSettings settings;

    private ZoneId zone;

    @PostConstruct
    void readZone() {
        zone = settings.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today at the school. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The day at the school on which a moment fell. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The moment the school's day began. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
