package org.dodam.progress.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;
import org.dodam.progress.web.DashboardBacking.MatrixCell;

/**
 * Writes one matrix row's cells ({@code <d:matrixCells value="#{row.cells}"/>}) as {@code <td>} elements,
 * text escaped by the response writer. A 35-student class with 20 lessons has 700 cells; iterating them
 * with a nested ui:repeat cost more than everything else on the dashboard, the database included.
 */
@FacesComponent(MatrixCells.COMPONENT_TYPE)
public class MatrixCells extends UIComponentBase {

    public static final String COMPONENT_TYPE = "org.dodam.MatrixCells";

    @Override
    public String getFamily() {
        return "org.dodam";
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<MatrixCell> cells = (List<MatrixCell>) getAttributes().get("value");
        if (cells == null) {
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        for (MatrixCell cell : cells) {
            writer.startElement("td", this);
            writer.writeAttribute("class", cell.getCss(), null);
            writer.writeText(cell.getText(), null);
            writer.endElement("td");
        }
    }
}
