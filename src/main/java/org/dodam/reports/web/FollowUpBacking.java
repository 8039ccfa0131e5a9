package org.dodam.reports.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.AnonymousPageGuard;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.IncidentReporting;
import org.dodam.reports.application.IncidentReporting.ReporterThread;
import org.dodam.reports.application.ReceiptGate;
import org.dodam.reports.application.ReceiptGate.ReceiptKey;
import org.omnifaces.util.Faces;

/**
 * Coming back with a receipt code: the reporter reads the counsellors' replies and answers them. Like the
 * report form it is a stateless view: the code travels with each post in the form and is checked again
 * every time. Wrong codes lock nobody out ({@link ReceiptGate} says why guessing does not pay anyway).
 */
@Named
@RequestScoped
public class FollowUpBacking {

    @Inject
    IncidentReporting reporting;

    @Inject
    SchoolLink link;

    @Inject
    ReceiptGate gate;

    private String code;
    private ReceiptKey key;
    private String answer;
    private ReporterThread thread;

    /**
     * When the reporter sends an answer, the thread must be open before the form is decoded, or the send
     * button (shown only with an open thread) would not exist in this stateless view and its click would
     * be lost. The code is checked exactly as when opening.
     */
    @PostConstruct
    void openBeforeAnswering() {
        if (Faces.getRequestParameter("followUp:send") != null) {
            code = Faces.getRequestParameter("followUp:code");
            open();
        }
    }

    public void open() {
        try {
            key = gate.key(link.getChannel().linkKey(), code).orElse(null);
            thread = key == null ? null : reporting.thread(key).orElse(null);
        } catch (DodamException e) {
            Texts.error(e);
            return;
        }
        if (thread == null) {
            Texts.error("report.error.code");
        }
    }

    public void send() {
        if (thread == null) {
            return;
        }
        try {
            thread = reporting.answer(key, answer);
            answer = null;
            AnonymousPageGuard.committed(
                    Faces.getRequest(), new AnonymousPageGuard.Committed("report.answerSaved", null));
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
