package org.dodam.reports.domain;

import java.time.Duration;

/**
 * Where a case can be referred or a takedown requested, with the time by which the counsellor should check
 * on it. Platforms covered by the US TAKE IT DOWN Act must remove reported intimate images within 48 hours,
 * so takedown requests are followed up after two days; referrals to services after three.
 */
public enum ReferralTarget {
    POLICE(Duration.ofDays(3)),
    SCHOOL_VIOLENCE_117(Duration.ofDays(3)),
    DIGITAL_SEX_CRIME_CENTRE(Duration.ofDays(3)),
    TAKE_IT_DOWN(Duration.ofHours(48)),
    STOPNCII(Duration.ofHours(48)),
    PLATFORM(Duration.ofHours(48)),
    OTHER(Duration.ofDays(7));

    private final Duration followUpAfter;

    ReferralTarget(Duration followUpAfter) {
        this.followUpAfter = followUpAfter;
    }

    public Duration followUpAfter() {
        return followUpAfter;
    }

    /** Agencies that take the mandatory report of a sexual crime against a minor. */
    public boolean investigative() {
        return this == POLICE || this == SCHOOL_VIOLENCE_117;
    }
}
