package org.dodam.platform.web;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.filter.FacesExceptionFilter;

/** OmniFaces' FacesExceptionFilter (error pages for failures outside Faces), logging through {@link PrivateErrorLog}. */
@WebFilter(filterName = "facesExceptionFilter", urlPatterns = "/*")
public class PrivateFacesExceptionFilter extends FacesExceptionFilter {

    @Override
    protected void logException(
            HttpServletRequest request, Throwable exception, String location, String message, Object... parameters) {
        PrivateErrorLog.log(
                request.getServletPath(),
                String.valueOf(request.getAttribute("org.omnifaces.exception_uuid")),
                exception,
                String.format(message, parameters));
    }
}
