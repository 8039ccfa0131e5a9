package org.dodam.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The data directory (the embedded database and, for the demo, the master key) is the server account's
 * alone: made owner-only (0700) and its files owner-read-write (0600), so another account on the machine
 * cannot copy the database. Where the file system has no POSIX permissions this does nothing.
 */
public final class DataDirectory {

    private DataDirectory() {}

    /** Creates the directory (and its parents) and makes it owner-only. */
    public static void create(Path directory) throws IOException {
        Files.createDirectories(directory);
        restrictDirectory(directory);
    }

    /** Makes an existing directory owner-only and every file directly in it owner-read-write. */
    public static void restrict(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try {
            restrictDirectory(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows and the like: the operator protects the directory.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + directory + " owner-only", e);
        }
    }

    private static void restrictDirectory(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // nothing to do
        }
    }
}
