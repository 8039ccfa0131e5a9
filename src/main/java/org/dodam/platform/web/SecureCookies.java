package org.dodam.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.dodam.platform.PlatformSettings;

/**
 * Marks the session cookie {@code Secure} when Dodam's public address (DODAM_PUBLIC_URL) is https, so a
 * browser never sends it over plain HTTP. The container makes the session cookie from its own connection,
 * which behind the HTTPS proxy is plain HTTP, so it cannot tell per request; the public address says it for
 * all of them. The language cookie follows the same setting ({@link LanguageServlet}).
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SecureCookies.class.getName());

    @Inject
    PlatformSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.https()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        } else if (!settings.trustedProxies().isEmpty()) {
            LOG.warning("DODAM_TRUSTED_PROXIES is set but DODAM_PUBLIC_URL is not an https:// address: cookies are not "
                    + "marked Secure and browsers are not told to keep to HTTPS");
        }
    }
}
