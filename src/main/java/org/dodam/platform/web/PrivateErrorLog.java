package org.dodam.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How failures are logged: never with the client's address (OmniFaces' own handlers log it), and for the
 * anonymous report pages without the exception's message or stack either, only the exception types and
 * the first frame of Dodam's own code, since a message could echo what a reporter wrote; and not at the
 * moment they happen, but counted into {@link QuietFailures}' daily line.
 */
final class PrivateErrorLog {

    private static final Logger LOG = Logger.getLogger(PrivateErrorLog.class.getName());

    private PrivateErrorLog() {}

    static void log(String servletPath, String uuid, Throwable exception, String message) {
        if (servletPath != null && servletPath.startsWith("/report/")) {
            QuietFailures.record(outline(exception));
        } else {
            LOG.log(Level.SEVERE, "[" + uuid + "] " + message, exception);
        }
    }

    static String outline(Throwable exception) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = exception; t != null && parts.size() < 8; t = t.getCause()) {
            String where = "";
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("org.dodam.")) {
                    where = " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                    break;
                }
            }
            parts.add(t.getClass().getName() + where);
        }
        return String.join(" <- ", parts);
    }
}
