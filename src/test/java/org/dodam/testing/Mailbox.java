package org.dodam.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** A real SMTP server in the test's own process (GreenMail), on a free loopback port, for Dodam to send to. */
public final class Mailbox {

    private static GreenMail shared;

    private Mailbox() {}

    /**
     * The mailbox of the shared reporting server ({@link Reporting#server()}), kept for the whole test run like the
     * server; tests that share it count the messages that arrive after a point, never all of them.
     */
    public static synchronized GreenMail shared() {
        if (shared == null) {
            shared = start();
            GreenMail stopped = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::stop));
        }
        return shared;
    }

    public static GreenMail start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** A server's environment that sends its mail to this mailbox, with the test's other settings. */
    public static Map<String, String> environment(GreenMail mail, Map<String, String> others) {
        Map<String, String> environment = new HashMap<>(others);
        environment.put("DODAM_SMTP_HOST", "127.0.0.1");
        environment.put("DODAM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        return environment;
    }
}
