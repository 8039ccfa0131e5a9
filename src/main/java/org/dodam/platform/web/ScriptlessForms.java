package org.dodam.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import jakarta.faces.render.Renderer;
import jakarta.faces.render.RendererWrapper;
import java.io.IOException;
import java.util.Iterator;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * Lets every Faces form post with scripts turned off. In its CSP mode PrimeFaces keeps a view's script nonce
 * in the view and, on a post, refuses to render the answer unless the form sent the same nonce back in a
 * {@code primefaces.nonce} field; its client script adds that field to every form, so without scripts the
 * answer fails with "CSP nonce mismatch", after the action has already run and committed. Here the form
 * renderer writes the field itself, with the nonce of the page being rendered: PrimeFaces' script finds it
 * and keeps using it, and a browser without scripts sends it like any other hidden field. The nonce is
 * public already (in the policy header and on every script tag of the page), so the field tells no one
 * anything new, and the policy stays as strict as it was.
 *
 * <p>The renderer is wrapped through the render kit factory (faces-config.xml), so Mojarra's own form
 * renderer still writes the form; only the field is added, first inside it.
 */
public class ScriptlessForms extends RenderKitFactory {

    public ScriptlessForms(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null ? null : new Kit(kit);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    private static final class Kit extends RenderKitWrapper {

        Kit(RenderKit wrapped) {
            super(wrapped);
        }

        @Override
        public Renderer getRenderer(String family, String rendererType) {
            Renderer renderer = super.getRenderer(family, rendererType);
            return renderer != null && UIForm.COMPONENT_FAMILY.equals(family) ? new FormWithNonce(renderer) : renderer;
        }
    }

    private static final class FormWithNonce extends RendererWrapper {

        FormWithNonce(Renderer wrapped) {
            super(wrapped);
        }

        @Override
        public void encodeBegin(FacesContext context, UIComponent component) throws IOException {
            super.encodeBegin(context, component);
            PrimeConfiguration config =
                    PrimeApplicationContext.getCurrentInstance(context).getConfig();
            if (config.isCsp() && !config.isPolicyProvided()) {
                ResponseWriter writer = context.getResponseWriter();
                writer.startElement("input", null);
                writer.writeAttribute("type", "hidden", null);
                writer.writeAttribute("name", ScriptlessPostFilter.NONCE, null);
                writer.writeAttribute(
                        "value", PrimeFacesContext.getCspState(context).getNonce(), null);
                writer.endElement("input");
            }
        }
    }
}
