package org.dodam.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.dodam.platform.SchoolClock;

/** Shows a moment as date and time in the school's time zone (DODAM_TIME_ZONE): {@code #{schoolTime.format(at)}}. */
@Named
@ApplicationScoped
public class SchoolTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    SchoolClock schoolClock;

    public String format(Instant at) {
        return at == null ? "" : FORMAT.withZone(schoolClock.zone()).format(at);
    }
}
