package org.dodam.content.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.eclipse.microprofile.config.Config;

/** The content feature's one setting: where the curriculum is read from, when not from the WAR. */
@ApplicationScoped
public class ContentSettings implements Settings {

    /** Unset: the {@code course-content/} packaged in the WAR. */
    static final Setting<Optional<Path>> DIRECTORY =
            Setting.optional("dodam.content.dir", "a directory that holds a copy of course-content/", text -> {
                Path directory = Path.of(text);
                if (!Files.isDirectory(directory)) {
                    throw new IllegalArgumentException("no such directory");
                }
                return directory;
            });

    @Inject
    Config config;

    private Optional<Path> directory;

    @PostConstruct
    void read() {
        directory = DIRECTORY.read(config);
    }

    /** A school's own copy of the curriculum; empty for the one in the WAR. */
    public Optional<Path> directory() {
        return directory;
    }
}
