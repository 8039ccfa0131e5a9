package org.dodam.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * The one family of business failures. It carries a message key from the resource bundle (and its
 * arguments) rather than text, so the page shows it in the user's language; the transaction rolls back.
 */
@ApplicationException(rollback = true)
public class DodamException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public DodamException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }

    /** Thrown when something does not exist for this user: pages show it as "not found", never as forbidden. */
    public static DodamException notFound() {
        return new NotFound();
    }

    public static final class NotFound extends DodamException {
        NotFound() {
            super("error.notFound");
        }
    }
}
