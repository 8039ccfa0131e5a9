package org.dodam.platform.settings;

import java.util.List;

/**
 * A settings holder: the one class of a feature (or of the platform) that reads that feature's settings, each a
 * {@link Setting} constant with its default and its rule, into typed values its beans ask for by name
 * ({@code signIn.accountFailures()}). A holder reads everything when it is made, and {@code ApplicationStartup}
 * makes every holder before anything else runs, so that a bad value stops the start with a message naming the
 * variable instead of failing the first request that needs it. The README's configuration table lists exactly
 * these settings ({@code SettingsTest} checks it).
 */
public interface Settings {

    /** The settings this holder reads: its {@link Setting} constants. */
    default List<Setting<?>> declared() {
        return Setting.constantsOf(getClass());
    }
}
