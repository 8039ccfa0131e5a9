package org.dodam.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs axe-core (fetched from the npm registry by the build) in a page and returns serious and critical violations. */
public final class Accessibility {

    private static String axe;

    private Accessibility() {}

    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        page.evaluate("() => { " + source() + "\n}");
        Object result = page.evaluate(
                "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                        + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ') + ' ' + n.html.substring(0, 300)).join(' | ')); }");
        return (List<String>) result;
    }

    private static synchronized String source() {
        if (axe == null) {
            try {
                axe = Files.readString(
                        Path.of(System.getProperty("dodam.axe", "target/axe/node_modules/axe-core/axe.min.js")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }
}
