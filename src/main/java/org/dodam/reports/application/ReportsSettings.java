package org.dodam.reports.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * The reporting feature's settings: how many reports slow a client or count as a school's flood, when counsellors
 * are e-mailed, and how long closed cases are kept. The public address and the mail server are the platform's.
 */
@ApplicationScoped
public class ReportsSettings implements Settings {

    static final Setting<Integer> MAX_PER_HOUR = Setting.whole("dodam.reports.max-per-hour", 10, 1, 1_000_000);
    static final Setting<Integer> SCHOOL_FLOOD_PER_HOUR =
            Setting.whole("dodam.reports.school-flood-per-hour", 30, 1, 1_000_000);
    static final Setting<Duration> NOTIFY_URGENT_EVERY = Setting.seconds("dodam.notify.urgent-every-seconds", 300, 1);
    static final Setting<Duration> NOTIFY_EVERY = Setting.seconds("dodam.notify.every-seconds", 3600, 1);
    static final Setting<Duration> NOTIFY_JITTER = Setting.seconds("dodam.notify.jitter-seconds", 120, 0);
    static final Setting<Duration> RETENTION = Setting.days("dodam.report.retention-days", 365);
    static final Setting<Duration> RETENTION_CHECK = Setting.seconds("dodam.report.retention-check-seconds", 3600, 1);

    @Inject
    Config config;

    private int maxPerHour;
    private int schoolFloodPerHour;
    private Notices notices;
    private Duration retention;
    private Duration retentionCheck;

    /**
     * When counsellors are told: at every urgent slot (urgent reports) or regular slot (the rest), plus a random
     * delay up to the jitter. Regular slots are urgent slots too, so the regular interval is a multiple of the
     * urgent one, and the jitter is shorter than the urgent interval so that a notice never passes the next slot.
     */
    public record Notices(Duration urgentEvery, Duration every, Duration jitter) {
        public Notices {
            if (every.toSeconds() % urgentEvery.toSeconds() != 0 || jitter.compareTo(urgentEvery) >= 0) {
                throw new Setting.Invalid(NOTIFY_EVERY.environmentVariable() + " (" + every.toSeconds()
                        + ") must be a multiple of "
                        + NOTIFY_URGENT_EVERY.environmentVariable() + " (" + urgentEvery.toSeconds() + "), and "
                        + NOTIFY_JITTER.environmentVariable() + " (" + jitter.toSeconds() + ") shorter than the latter."
                        + " Dodam does not start with them.");
            }
        }
    }

    @PostConstruct
    void read() {
        maxPerHour = MAX_PER_HOUR.read(config);
        schoolFloodPerHour = SCHOOL_FLOOD_PER_HOUR.read(config);
        notices = new Notices(NOTIFY_URGENT_EVERY.read(config), NOTIFY_EVERY.read(config), NOTIFY_JITTER.read(config));
        retention = RETENTION.read(config);
        retentionCheck = RETENTION_CHECK.read(config);
    }

    /** Reports one client may send in an hour before its further forms must stay open longer. */
    public int maxPerHour() {
        return maxPerHour;
    }

    /** Reports at one school in an hour that count as a flood. */
    public int schoolFloodPerHour() {
        return schoolFloodPerHour;
    }

    public Notices notices() {
        return notices;
    }

    /** How long a closed case is kept. */
    public Duration retention() {
        return retention;
    }

    /** How often closed cases past their retention are looked for. */
    public Duration retentionCheck() {
        return retentionCheck;
    }
}
