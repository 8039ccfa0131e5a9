package org.dodam.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dodam.platform.PlatformSettings;

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
    PlatformSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest effective = PublicAddress.forwarded(request, proxies)
                .map(a -> a.wrap(request))
                .orElse(request);
        if (effective.isSecure() || settings.https()) {
            response.setHeader(
                    "Strict-Transport-Security",
                    "max-age=" + settings.hstsMaxAge().toSeconds());
        }
        chain.doFilter(effective, response);
    }
}
