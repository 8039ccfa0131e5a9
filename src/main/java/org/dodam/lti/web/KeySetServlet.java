package org.dodam.lti.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dodam.lti.application.ToolKeys;

/**
 * Dodam's public key set (JWKS), the "public keyset URL" a platform registers: the signing key and the retired keys
 * still in their grace period, public halves only. Platforms may cache it for five minutes.
 */
@WebServlet(LaunchPages.KEY_SET)
public class KeySetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ToolKeys toolKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = toolKeys.publicKeySet().toString(true).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
