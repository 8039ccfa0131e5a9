package org.dodam.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.dodam.platform.PlatformSettings;

/**
 * Marks the session cookie {@code Secure} when Dodam's public address (DODAM_PUBLIC_URL) is https, so a
 * browser never sends it over plain HTTP. The container makes the session cookie from its own connection,
 * which behind the HTTPS proxy is plain HTTP, so it cannot tell per request; the public address says it for
 * all of them. The language cookie follows the same setting ({@link LanguageServlet}).
 *
 * <p>Behind https the session cookie is also named {@value #NAME_BEHIND_HTTPS} (ASVS 3.4.4): a browser keeps a
 * cookie of that name only if it came over https with {@code Secure}, {@code Path=/} and no {@code Domain}, so
 * neither a plain-HTTP page nor a neighbouring subdomain of the school can plant or overwrite a session id.
 * Dodam runs at the root of its address, which the prefix needs; under a context path it keeps the plain name.
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    static final String NAME_BEHIND_HTTPS = "__Host-JSESSIONID";

    private static final Logger LOG = Logger.getLogger(SecureCookies.class.getName());

    @Inject
    PlatformSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.https()) {
            SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
            cookie.setSecure(true);
            if (event.getServletContext().getContextPath().isEmpty()) {
                cookie.setName(NAME_BEHIND_HTTPS);
                cookie.setPath("/");
            }
        } else if (!settings.trustedProxies().isEmpty()) {
            LOG.warning("DODAM_TRUSTED_PROXIES is set but DODAM_PUBLIC_URL is not an https:// address: cookies are not "
                    + "marked Secure and browsers are not told to keep to HTTPS");
        }
    }
}
