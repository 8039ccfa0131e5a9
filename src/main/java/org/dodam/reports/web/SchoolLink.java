package org.dodam.reports.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.dodam.platform.web.ClientAddress;
import org.dodam.reports.application.IncidentReporting;
import org.dodam.reports.application.IncidentReporting.SchoolChannel;
import org.omnifaces.util.Faces;

/**
 * The school whose report link this request came through, for the public report pages: read from the
 * request parameter {@code s}, which is the link's query string on a visit and a hidden field of the same
 * name in the pages' forms, since a stateless view keeps nothing across a post. Pages read it as
 * {@code #{schoolLink}}; its client address is only ever used for the in-memory rate limits.
 */
@Named
@RequestScoped
public class SchoolLink {

    @Inject
    IncidentReporting reporting;

    @Inject
    ClientAddress clientAddress;

    private SchoolChannel channel;

    @PostConstruct
    void find() {
        channel = reporting.school(Faces.getRequestParameter("s")).orElse(null);
    }

    /** Answers 404 for a link that is not a school's. */
    public void load() {
        if (channel == null) {
            Faces.responseSendError(404, "");
        }
    }

    public SchoolChannel getChannel() {
        return channel;
    }

    /** The client's address, for the in-memory flood limits only (see {@link ClientAddress}). */
    String clientAddress() {
        return clientAddress.of((HttpServletRequest) Faces.getRequest());
    }
}
