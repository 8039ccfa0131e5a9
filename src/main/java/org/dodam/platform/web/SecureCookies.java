package org.dodam.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    @ConfigProperty(name = "dodam.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "dodam.trusted-proxies")
    Optional<String> trustedProxies;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (https(publicUrl)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        } else if (trustedProxies.filter(p -> !p.isBlank()).isPresent()) {
            LOG.warning("DODAM_TRUSTED_PROXIES is set but DODAM_PUBLIC_URL is not an https:// address: cookies are not "
                    + "marked Secure and browsers are not told to keep to HTTPS");
        }
    }

    static boolean https(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
