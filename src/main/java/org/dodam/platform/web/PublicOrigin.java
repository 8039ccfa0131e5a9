package org.dodam.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** {@code #{publicOrigin.of(request)}}: the scheme, host and port a person used, the port only if not the scheme's own. */
@Named
@ApplicationScoped
public class PublicOrigin {

    public String of(HttpServletRequest request) {
        return new PublicAddress(request.getScheme(), request.getServerName(), request.getServerPort()).origin();
    }
}
