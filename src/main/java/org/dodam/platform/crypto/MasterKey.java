package org.dodam.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.dodam.platform.PlatformSettings;

/**
 * The key that wraps every school's data key. It never enters the database: it comes from
 * DODAM_MASTER_KEY (base64 of 32 bytes) or from a file, by default {@code master.key} in the data
 * directory, which is created once with owner-only permissions when it does not exist. Losing it makes
 * the sealed report texts unreadable, which is why the README says to back it up apart from the database;
 * and a school's own embedded database (not the demo's) refuses to start with the key file inside its
 * directory, where every backup of the database would carry the key that opens it. The file (or the
 * variable) may hold several keys, one per line: the first wraps, the others only unwrap, which is how the
 * key is rotated without downtime (see {@link #reload} and the README).
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    private static final String DERIVATION = "HmacSHA256";

    @Inject
    PlatformSettings settings;

    @Inject
    SecureRandom random;

    /** The current key first, then the keys it replaced, by key id. */
    private volatile Map<String, SecretKey> ring = Map.of();

    private Path file;
    private FileTime loadedAt;

    @PostConstruct
    void load() {
        Optional<String> inline = settings.masterKey();
        if (inline.isPresent()) {
            useInline(inline.get());
            return;
        }
        file = settings.masterKeyFile();
        if (besideDatabase(settings.embeddedDatabase(), settings.demoMode(), settings.dataDirectory(), file)) {
            throw new IllegalStateException("The master key file " + file + " lies in the database directory "
                    + settings.dataDirectory()
                    + ", so every backup of the database would hold the key to its reports too. "
                    + "Set DODAM_MASTER_KEY_FILE to a file outside DODAM_DATA_DIR (or give the key in DODAM_MASTER_KEY). "
                    + "Only the demo may keep them together.");
        }
        ring = decodeRing(readOrCreate(file), file.toString());
        loadedAt = modified(file);
    }

    /** The key ring given inline (DODAM_MASTER_KEY), one base64 key a line, the current one first. */
    void useInline(String keys) {
        ring = decodeRing(keys, "DODAM_MASTER_KEY");
    }

    /**
     * Reads the key file again if it changed since it was read, so that a rotated key is taken up without a
     * restart: the operator writes the new key as the file's first line and keeps the old one below it
     * until every school's data key has been wrapped again. True when the current key changed.
     */
    public synchronized boolean reload() {
        if (file == null || Objects.equals(modified(file), loadedAt)) {
            return false;
        }
        String before = currentKeyId();
        try {
            ring = decodeRing(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key at " + file, e);
        }
        loadedAt = modified(file);
        return !before.equals(currentKeyId());
    }

    /** The id of the key new data keys are wrapped with. */
    public String currentKeyId() {
        return ring.keySet().iterator().next();
    }

    /**
     * A key of its own for one purpose (HMAC-SHA256 of the purpose under the master key), for a feature that
     * needs a server secret that outlives restarts: it comes with no other file to keep, and reveals neither
     * the master key nor any other purpose's key.
     */
    public SecretKey derive(String purpose) {
        try {
            Mac mac = Mac.getInstance(DERIVATION);
            mac.init(new SecretKeySpec(current().getEncoded(), DERIVATION));
            return new SecretKeySpec(mac.doFinal(("dodam/" + purpose).getBytes(StandardCharsets.UTF_8)), DERIVATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    public String wrap(SecretKey dataKey, String associatedData) {
        return Sealing.sealBytes(current(), dataKey.getEncoded(), associatedData, random);
    }

    /** Opens a wrapped data key with whichever key of the ring it names (or, before key ids, tries each). */
    public SecretKey unwrap(String wrapped, String associatedData) {
        Optional<String> id = Sealing.keyIdOf(wrapped);
        if (id.isPresent()) {
            SecretKey key = ring.get(id.get());
            if (key == null) {
                throw new Sealing.SealingException(
                        "wrapped under master key " + id.get() + ", which is not in the key file any more");
            }
            return Sealing.key(Sealing.openBytes(key, wrapped, associatedData));
        }
        Sealing.SealingException last = null;
        for (SecretKey key : ring.values()) {
            try {
                return Sealing.key(Sealing.openBytes(key, wrapped, associatedData));
            } catch (Sealing.SealingException e) {
                last = e;
            }
        }
        throw last;
    }

    private SecretKey current() {
        return ring.values().iterator().next();
    }

    private static Map<String, SecretKey> decodeRing(String text, String where) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String line : text.split("[,\\s]+")) {
            if (!line.isBlank()) {
                SecretKey key = decode(line, where);
                keys.putIfAbsent(Sealing.keyId(key), key);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No master key in " + where);
        }
        return Collections.unmodifiableMap(keys);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * True when the key file would sit inside the directory of an embedded database that is not the demo's:
     * a school's real data, whose backups must not carry the key that opens them.
     */
    public static boolean besideDatabase(
            boolean embedded, PlatformSettings.DemoMode demo, Path dataDirectory, Path keyFile) {
        return embedded
                && demo == PlatformSettings.DemoMode.FALSE
                && keyFile.toAbsolutePath()
                        .normalize()
                        .startsWith(dataDirectory.toAbsolutePath().normalize());
    }

    private String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            DataDirectory.create(file.toAbsolutePath().getParent());
            String encoded =
                    Base64.getEncoder().encodeToString(Sealing.newKey(random).getEncoded());
            try {
                Files.createFile(
                        file,
                        PosixFilePermissions.asFileAttribute(
                                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            LOG.warning(() -> "Created a new master key at " + file + ". Back it up apart from the database: "
                    + "without it the sealed report texts cannot be read.");
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key at " + file, e);
        }
    }

    private static SecretKey decode(String base64, String where) {
        try {
            return Sealing.key(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + where + " must be the base64 of 32 random bytes");
        }
    }
}
