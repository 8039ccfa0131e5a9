package org.dodam.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The address of Dodam's one stylesheet, for the layout's plain {@code <link>}: the file as the server
 * sends any static file, with a version taken from its content, so browsers keep it for a week and still
 * fetch a changed one at once.
 *
 * <p>Not {@code h:outputStylesheet}: a Faces resource is looked up anew on every page (Mojarra throws and
 * catches an exception for the missing locale prefix each time), about a twentieth of a lesson page's time.
 */
@Named
@ApplicationScoped
public class Stylesheet {

    static final String PATH = "/resources/dodam/css/dodam.css";

    @Inject
    ServletContext servletContext;

    private String href;

    public String getHref() {
        if (href == null) {
            href = servletContext.getContextPath() + PATH + "?v=" + version();
        }
        return href;
    }

    private String version() {
        try (InputStream css = servletContext.getResourceAsStream(PATH)) {
            if (css == null) {
                throw new IllegalStateException(PATH + " is missing from the application");
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(css.readAllBytes()), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
