package org.dodam.lti.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * The LTI feature's settings: how often scores are sent to the platforms, how long a failed one waits, and how old
 * Dodam's signing key may grow.
 */
@ApplicationScoped
public class LtiSettings implements Settings {

    static final Setting<Duration> PASSBACK_EVERY = Setting.seconds("dodam.lti.passback-every-seconds", 20, 1);
    static final Setting<Duration> PASSBACK_RETRY = Setting.seconds("dodam.lti.passback-retry-seconds", 60, 1);
    /** 0: never rotate on its own. */
    static final Setting<Duration> KEY_ROTATION = Setting.days("dodam.lti.key-rotation-days", 90);

    @Inject
    Config config;

    private Duration passbackEvery;
    private Duration passbackRetry;
    private Duration keyRotation;

    @PostConstruct
    void read() {
        passbackEvery = PASSBACK_EVERY.read(config);
        passbackRetry = PASSBACK_RETRY.read(config);
        keyRotation = KEY_ROTATION.read(config);
    }

    /** How often each instance looks for scores to send. */
    public Duration passbackEvery() {
        return passbackEvery;
    }

    /** The age at which Dodam's LTI signing key is replaced; empty for never. */
    public java.util.Optional<Duration> keyRotation() {
        return keyRotation.isZero() ? java.util.Optional.empty() : java.util.Optional.of(keyRotation);
    }

    /** The wait after a score's first failed try; it doubles with each further one, up to six hours. */
    public Duration passbackRetry() {
        return passbackRetry;
    }
}
