package org.dodam.reports.domain;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Ids of everything written because of a report: the report, its messages, notes and referrals. They are
 * random, not drawn from the counter every other table shares, so an id says nothing about when a row was
 * written: a report's id can no longer be set between the ids of one student's quiz answers to place it
 * among that student's clicks, nor two reports' ids ordered. They lie between 2^52 and 2^63, apart from
 * the counter's ids, and a collision among a school's few thousand rows is about as likely as guessing
 * a 60-bit key (the primary key would refuse it, and the sender would be asked to send again).
 */
public final class CaseIds {

    public static final long FLOOR = 1L << 52;

    private CaseIds() {}

    public static long next(RandomGenerator random) {
        long id;
        do {
            id = random.nextLong() & Long.MAX_VALUE;
        } while (id < FLOOR);
        return id;
    }

    /**
     * What counsellors see as a case's reference: eight letters and digits of the id, without look-alikes
     * ({@code 7KQ2-M9XD}), so there is no case number whose gaps count the reports in between.
     */
    public static String reference(long id) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder text = new StringBuilder(9);
        long rest = id;
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                text.append('-');
            }
            text.append(alphabet.charAt((int) (rest & 31)));
            rest >>>= 5;
        }
        return text.toString();
    }

    /** A case id as it comes in a link; empty for anything that is not one. */
    public static Optional<Long> parse(String text) {
        if (text == null || !text.matches("\\d{1,19}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
