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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.dodam.platform.DodamConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that wraps every school's data key. It never enters the database: it comes from
 * DODAM_MASTER_KEY (base64 of 32 bytes) or from a file, by default {@code master.key} in the data
 * directory, which is created once with owner-only permissions when it does not exist. Losing it makes
 * the sealed report texts unreadable, which is why the README says to back it up apart from the database.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    private static final String DERIVATION = "HmacSHA256";

    @Inject
    DodamConfig config;

    @Inject
    SecureRandom random;

    @Inject
    @ConfigProperty(name = "dodam.master-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "dodam.master-key.file")
    Optional<String> configuredFile;

    private SecretKey key;

    @PostConstruct
    void load() {
        Optional<String> inline = configuredKey.filter(k -> !k.isBlank());
        if (inline.isPresent()) {
            key = decode(inline.get(), "DODAM_MASTER_KEY");
            return;
        }
        Path file = configuredFile.filter(f -> !f.isBlank()).map(Path::of)
                .orElse(config.dataDirectory().resolve("master.key"));
        key = decode(readOrCreate(file), file.toString());
    }

    /**
     * A key of its own for one purpose (HMAC-SHA256 of the purpose under the master key), for a feature that
     * needs a server secret that outlives restarts: it comes with no other file to keep, and reveals neither
     * the master key nor any other purpose's key.
     */
    public SecretKey derive(String purpose) {
        try {
            Mac mac = Mac.getInstance(DERIVATION);
            mac.init(new SecretKeySpec(key.getEncoded(), DERIVATION));
            return new SecretKeySpec(mac.doFinal(("dodam/" + purpose).getBytes(StandardCharsets.UTF_8)), DERIVATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    public String wrap(SecretKey dataKey, String associatedData) {
        return Sealing.sealBytes(key, dataKey.getEncoded(), associatedData, random);
    }

    public SecretKey unwrap(String wrapped, String associatedData) {
        return Sealing.key(Sealing.openBytes(key, wrapped, associatedData));
    }

    private String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String encoded = Base64.getEncoder().encodeToString(Sealing.newKey(random).getEncoded());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
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
