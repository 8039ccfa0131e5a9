package org.dodam.lti.application;

import org.dodam.platform.DodamException;

/**
 * A login initiation or launch that Dodam refuses. Every refusal fails closed: nothing is created, nobody is signed
 * in, and the person sees a page in their language that says what went wrong and whom to ask ({@link Reason#messageKey}).
 * The reason names what failed, never who tried.
 */
public class LaunchRefused extends DodamException {

    private static final long serialVersionUID = 1L;

    /** Why, each with its own message. */
    public enum Reason {
        LOGIN_INCOMPLETE,
        UNKNOWN_PLATFORM,
        UNKNOWN_DEPLOYMENT,
        STATE,
        TOKEN,
        SIGNATURE,
        UNKNOWN_KEY,
        KEYS_UNAVAILABLE,
        ISSUER,
        AUDIENCE,
        EXPIRED,
        NONCE,
        VERSION,
        MESSAGE_TYPE,
        CLAIMS,
        ROLE,
        DEEP_LINKING_ROLE,
        ACCOUNT,
        TICKET,
        TRY_AGAIN;

        public String messageKey() {
            return "lti.refused." + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        }
    }

    private final Reason reason;

    public LaunchRefused(Reason reason) {
        super(reason.messageKey());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
