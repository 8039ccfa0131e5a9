package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.dodam.platform.DodamException;

/**
 * Turns a typed receipt code into the hash it is stored under, outside any transaction and a few at a
 * time. There is no lock-out for wrong codes: behind a school's network every student shares an address,
 * and one student typing junk must not shut the others out of their replies. Guessing does not pay: a
 * code has 80 random bits and each try costs a PBKDF2 hash, and since at most one hash per processor runs
 * at once (a fair queue; a try waits at most {@link #MAX_WAIT_SECONDS} s, then is asked to come back), a
 * flood of wrong codes costs the server its hashing share and slows every try a little, but stops none.
 */
@ApplicationScoped
public class ReceiptGate {

    static final int MAX_WAIT_SECONDS = 10;

    @Inject
    ReportChannels channels;

    private final Semaphore hashing =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /** The stored form of a typed code at the school of this link; empty when it cannot be a code there. */
    public Optional<ReceiptKey> key(String linkKey, String typedCode) {
        Optional<String> code = ReceiptCodes.normalize(typedCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return channels.byLinkKey(linkKey)
                .map(channel -> new ReceiptKey(channel.schoolId(), hash(code.get(), channel.receiptSalt())));
    }

    private String hash(String code, String salt) {
        boolean acquired = false;
        try {
            acquired = hashing.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!acquired) {
                throw new DodamException("report.error.busy");
            }
            return ReceiptCodes.hash(code, salt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DodamException("report.error.busy");
        } finally {
            if (acquired) {
                hashing.release();
            }
        }
    }

    /** A typed code as it is stored: the school it was typed for and its hash. */
    public record ReceiptKey(long schoolId, String hash) {}
}
