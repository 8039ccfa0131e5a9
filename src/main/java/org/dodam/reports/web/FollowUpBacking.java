package org.dodam.reports.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.ClientThrottle;
import org.dodam.reports.application.IncidentReporting.ReporterThread;
import org.dodam.reports.application.IncidentReporting;
import org.omnifaces.util.Faces;

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
    SchoolLink link;

    @Inject
    ClientThrottle throttle;

    private String code;
    private String answer;
    private ReporterThread thread;

    /**
     * When the reporter sends an answer, the thread must be open before the form is decoded, or the send
     * button (shown only with an open thread) would not exist in this stateless view and its click would
     * be lost. The code is checked, and counted when wrong, exactly as when opening.
     */
    @PostConstruct
    void openBeforeAnswering() {
        if (Faces.getRequestParameter("followUp:send") != null) {
            code = Faces.getRequestParameter("followUp:code");
            open();
        }
    }

    public void open() {
        String client = link.clientAddress();
        if (!throttle.allowed(ClientThrottle.Kind.WRONG_CODE, client)) {
            Texts.error("report.error.tooManyCodes");
            return;
        }
        thread = reporting.thread(link.getChannel().linkKey(), code).orElse(null);
        if (thread == null) {
            throttle.count(ClientThrottle.Kind.WRONG_CODE, client);
            Texts.error("report.error.code");
        }
    }

    public void send() {
        if (thread == null) {
            return;
        }
        try {
            thread = reporting.answer(link.getChannel().linkKey(), code, answer);
            answer = null;
            Texts.info("report.answer.sent");
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public ReporterThread getThread() {
        return thread;
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
