package org.dodam.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.dodam.accounts.application.Passwords;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * The demo school's settings. Whether it is made at all is the platform's DODAM_DEMO, which the master key's
 * place depends on too ({@code PlatformSettings}).
 */
@ApplicationScoped
public class DemoSettings implements Settings {

    /** Unset: a new random password, printed once on the console when the demo school is made. */
    static final Setting<Optional<String>> PASSWORD = Setting.optional(
                    "dodam.demo.password", "at least " + Passwords.MIN_LENGTH + " characters", text -> {
                        if (text.length() < Passwords.MIN_LENGTH) {
                            throw new IllegalArgumentException("too short");
                        }
                        return text;
                    })
            .secret();
    /** Extra students for load benchmarks ({@code bench-student001}, ...), in the first class. */
    static final Setting<Integer> EXTRA_STUDENTS = Setting.whole("dodam.demo.extra-students", 0, 0, 5000);

    @Inject
    Config config;

    private Optional<String> password;
    private int extraStudents;

    @PostConstruct
    void read() {
        password = PASSWORD.read(config);
        extraStudents = EXTRA_STUDENTS.read(config);
    }

    /** The demo accounts' password; empty when a random one is to be made. */
    public Optional<String> password() {
        return password;
    }

    public int extraStudents() {
        return extraStudents;
    }
}
