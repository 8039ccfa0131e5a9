package org.dodam.platform.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dodam's own Faces resources (library {@code dodam}: the show-password script) with a version taken from their
 * content in their address, as {@link Stylesheet} does for the stylesheet: Faces lets browsers keep a resource
 * for a week, and without the version a browser would run last week's script against a changed page after an
 * upgrade. PrimeFaces versions its own resources; other libraries are left as they are.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    static final String LIBRARY = "dodam";

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        Resource resource = super.createResource(resourceName, libraryName);
        return LIBRARY.equals(libraryName) && resource != null ? new Versioned(resource) : resource;
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        Resource resource = super.createResource(resourceName, libraryName, contentType);
        return LIBRARY.equals(libraryName) && resource != null ? new Versioned(resource) : resource;
    }

    private String version(Resource resource) {
        return versions.computeIfAbsent(resource.getResourceName(), name -> {
            try (InputStream content = resource.getInputStream()) {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content.readAllBytes()), 0, 6);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private final class Versioned extends ResourceWrapper {

        Versioned(Resource wrapped) {
            super(wrapped);
        }

        @Override
        public String getRequestPath() {
            String path = super.getRequestPath();
            return path + (path.contains("?") ? "&" : "?") + "v=" + version(getWrapped());
        }
    }
}
