package org.dodam.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Shows a moment as date and time in the school's time zone (DODAM_TIME_ZONE): {@code #{schoolTime.format(at)}}. */
@Named
@ApplicationScoped
public class SchoolTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    @ConfigProperty(name = "dodam.time-zone", defaultValue = "Asia/Seoul")
    String timeZone;

    public String format(Instant at) {
        return at == null ? "" : FORMAT.withZone(ZoneId.of(timeZone)).format(at);
    }
}
