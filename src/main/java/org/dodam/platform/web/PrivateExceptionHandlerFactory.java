package org.dodam.platform.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

/** OmniFaces' FullAjaxExceptionHandler (error pages for Ajax too), logging through {@link PrivateErrorLog}. */
public class PrivateExceptionHandlerFactory extends ExceptionHandlerFactory {

    public PrivateExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends FullAjaxExceptionHandler {
        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        protected void logException(FacesContext context, Throwable exception, String location, String message, Object... parameters) {
            if (isIgnored(context, exception)) {
                return;
            }
            PrivateErrorLog.log(context.getExternalContext().getRequestServletPath(),
                    String.valueOf(context.getExternalContext().getRequestMap().get("org.omnifaces.exception_uuid")),
                    exception, String.format(message, parameters));
        }

        private static boolean isIgnored(FacesContext context, Throwable exception) {
            for (Class<? extends Throwable> type : getExceptionTypesToIgnoreInLogging(
                    (jakarta.servlet.ServletContext) context.getExternalContext().getContext())) {
                if (type.isInstance(exception)) {
                    return true;
                }
            }
            return false;
        }
    }
}
