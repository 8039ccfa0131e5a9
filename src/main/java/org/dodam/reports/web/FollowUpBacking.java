package org.dodam.reports.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;
import org.omnifaces.util.Faces;
import org.dodam.reports.application.ClientThrottle;
import org.dodam.reports.application.IncidentReporting;
import org.dodam.reports.application.IncidentReporting.ReporterThread;
import org.dodam.reports.application.IncidentReporting.SchoolChannel;

/**
 * Coming back with a receipt code: the reporter reads the counsellors' replies and answers them. Like the
 * report form it is a stateless view: the code travels with each post in the form and is checked again
 * every time; wrong codes are limited per client (in memory, hashed).
 */
@Named
@RequestScoped
public class FollowUpBacking {

    @Inject
    IncidentReporting reporting;

    @Inject
    ClientThrottle throttle;

    private String s;
    private SchoolChannel channel;
    private String code;
    private String answer;
    private ReporterThread thread;

    /**
     * The school of the link, from the request parameter {@code s}: the query string of the link, and a
     * hidden field of the same name in the page's forms, since a stateless view keeps nothing across a post.
     */
    @PostConstruct
    void findSchool() {
        s = Faces.getRequestParameter("s");
        channel = reporting.school(s).orElse(null);
    }

    /** Answers 404 for a link that is not a school's. */
    public void load() {
        if (channel == null) {
            Faces.responseSendError(404, "");
        }
    }

    public void open() {
        String client = client();
        if (!throttle.allowed(ClientThrottle.Kind.WRONG_CODE, client)) {
            Texts.error("report.error.tooManyCodes");
            return;
        }
        thread = reporting.thread(channel.linkKey(), code).orElse(null);
        if (thread == null) {
            throttle.count(ClientThrottle.Kind.WRONG_CODE, client);
            Texts.error("report.error.code");
        }
    }

    public void send() {
        open();
        if (thread == null) {
            return;
        }
        try {
            thread = reporting.answer(channel.linkKey(), code, answer);
            answer = null;
            Texts.info("report.answer.sent");
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    private static String client() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public SchoolChannel getChannel() {
        return channel;
    }

    public ReporterThread getThread() {
        return thread;
    }

    public String getS() {
        return s;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
