package org.dodam.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.omnifaces.exceptionhandler.ViewExpiredExceptionHandler;
import org.omnifaces.util.Faces;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;

/**
 * Checks a post's script nonce as soon as its view is restored, before any value is applied or any action runs.
 * PrimeFaces checks it only when it renders the answer, after the action has committed: a form that came back
 * without the nonce of its view (a page opened before {@link ScriptlessForms} wrote it, a field stripped on the
 * way) would save its change and then answer 500. Here such a post saves nothing: the page opens again with the
 * expired-page notice ("Nothing was saved: please do it once more"), as for a view that has expired.
 *
 * <p>Only views with state are checked: a stateless view keeps no nonce to compare with, and every post to one
 * gets a nonce PrimeFaces can read from {@link ScriptlessPostFilter}.
 */
public class ScriptNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback()
                || context.getResponseComplete()
                || context.getViewRoot() == null
                || context.getViewRoot().isTransient()) {
            return;
        }
        PrimeConfiguration config =
                PrimeApplicationContext.getCurrentInstance(context).getConfig();
        if (!config.isCsp() || config.isPolicyProvided()) {
            return;
        }
        try {
            PrimeFacesContext.getCspState(context).getNonce();
        } catch (CspException mismatch) {
            Faces.setFlashAttribute(ViewExpiredExceptionHandler.FLASH_ATTRIBUTE_VIEW_EXPIRED, true);
            Faces.refreshWithQueryString();
            context.responseComplete();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // Nothing is known before the view is restored.
    }
}
