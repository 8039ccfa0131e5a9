package org.dodam.platform.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.dodam.platform.DodamException;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

/**
 * OmniFaces' FullAjaxExceptionHandler (error pages for Ajax too), logging through {@link PrivateErrorLog}.
 * It is also the one place where "not found" becomes a 404: a page's view action or action that meets a
 * {@link DodamException.NotFound} (another teacher's class, a staff lesson asked for by a student) lets it
 * go, and the visitor sees the same 404 as for an address that does not exist.
 */
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
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events =
                            getUnhandledExceptionQueuedEvents().iterator();
                    events.hasNext(); ) {
                if (notFound(events.next().getContext().getException())) {
                    events.remove();
                    if (!context.getResponseComplete()) {
                        try {
                            context.getExternalContext().responseSendError(404, "");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        context.responseComplete();
                    }
                }
            }
            super.handle();
        }

        private static boolean notFound(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof DodamException.NotFound) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void logException(
                FacesContext context, Throwable exception, String location, String message, Object... parameters) {
            if (isIgnored(context, exception)) {
                return;
            }
            PrivateErrorLog.log(
                    context.getExternalContext().getRequestServletPath(),
                    String.valueOf(context.getExternalContext().getRequestMap().get("org.omnifaces.exception_uuid")),
                    exception,
                    String.format(message, parameters));
        }

        private static boolean isIgnored(FacesContext context, Throwable exception) {
            for (Class<? extends Throwable> type : getExceptionTypesToIgnoreInLogging((jakarta.servlet.ServletContext)
                    context.getExternalContext().getContext())) {
                if (type.isInstance(exception)) {
                    return true;
                }
            }
            return false;
        }
    }
}
