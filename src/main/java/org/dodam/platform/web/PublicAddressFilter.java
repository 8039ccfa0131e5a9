package org.dodam.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every request the address the person used ({@link PublicAddress}, from a trusted proxy only) and
 * keeps browsers on HTTPS: {@code Strict-Transport-Security: max-age=DODAM_HSTS_MAX_AGE} on every response
 * when DODAM_PUBLIC_URL is https, and on any response served over HTTPS. Without includeSubDomains or
 * preload: the school's other sites under the same domain are not Dodam's to decide for. Declared in web.xml
 * so that it runs before every filter but the report pages' guard, and all of them see the public address.
 */
public class PublicAddressFilter extends HttpFilter {

    @Inject
    ClientAddress proxies;

    @Inject
    @ConfigProperty(name = "dodam.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "dodam.hsts.max-age", defaultValue = "31536000")
    long hstsMaxAge;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest effective = PublicAddress.forwarded(request, proxies).map(a -> a.wrap(request)).orElse(request);
        if (effective.isSecure() || SecureCookies.https(publicUrl)) {
            response.setHeader("Strict-Transport-Security", "max-age=" + Math.max(0, hstsMaxAge));
        }
        chain.doFilter(effective, response);
    }
}
