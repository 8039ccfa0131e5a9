package org.dodam.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Objects;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' messages, each list item a plain list item. PrimeFaces marks every item {@code role="alert"},
 * which takes it out of its list for screen readers (axe: "list"), while the surrounding container is
 * already a polite live region. Only the item is written here; the container, icons and the close link
 * stay PrimeFaces' own. Registered in faces-config.xml in place of PrimeFaces' renderer.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages messages, FacesMessage message, String severity, boolean escape)
            throws IOException {
        String summary = message.getSummary() == null ? "" : message.getSummary();
        String detail = message.getDetail() == null ? summary : message.getDetail();
        if (messages.isSkipDetailIfEqualsSummary() && Objects.equals(summary, detail)) {
            detail = "";
        }
        writer.startElement("li", null);
        if (messages.isShowSummary()) {
            text(writer, "ui-messages-" + severity + "-summary", summary, escape);
        }
        if (messages.isShowDetail()) {
            text(writer, "ui-messages-" + severity + "-detail", detail, escape);
        }
        writer.endElement("li");
    }

    private static void text(ResponseWriter writer, String styleClass, String value, boolean escape)
            throws IOException {
        writer.startElement("span", null);
        writer.writeAttribute("class", styleClass, null);
        if (escape) {
            writer.writeText(value, null);
        } else {
            writer.write(value);
        }
        writer.endElement("span");
    }
}
