package org.dodam.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dodam.accounts.domain.Role;

/**
 * Deny by default for the role folders: a signed-in person who opens another role's folder gets 404,
 * so restricted pages do not even reveal that they exist. (web.xml has already sent anonymous visitors
 * to the sign-in page.)
 */
@WebFilter(urlPatterns = {"/student/*", "/teacher/*", "/counsellor/*", "/admin/*"})
public class RoleFolderFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        for (Role role : Role.values()) {
            if (path.startsWith("/" + role.folder() + "/")) {
                if (request.isUserInRole(role.name())) {
                    chain.doFilter(request, response);
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
