package org.dodam.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A content set that was loaded, by the hash of all its files; a restart with the same files loads nothing. */
@Entity
@Table(name = "content_set")
@NamedQuery(name = "ContentVersion.latest", query = "select v from ContentVersion v order by v.loadedAt desc")
public class ContentVersion {

    @Id
    private String version;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    @Column(name = "help_routes", nullable = false, length = 100_000)
    private String helpRoutes;

    protected ContentVersion() {}

    public ContentVersion(String version, Instant loadedAt, String helpRoutes) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.helpRoutes = helpRoutes;
    }

    /** The same files were loaded again after another version (for example, an update was rolled back). */
    public void loadedAgain(Instant at) {
        loadedAt = at;
    }

    public String helpRoutes() {
        return helpRoutes;
    }

    public String version() {
        return version;
    }
}
