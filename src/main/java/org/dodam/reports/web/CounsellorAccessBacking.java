package org.dodam.reports.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.accounts.application.CounsellorAccessChanged;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.CounsellorAccessLog;
import org.dodam.reports.application.CounsellorAccessLog.AccessLine;

/**
 * The latest changes of counsellor access on the counsellor's home page, from {@link CounsellorAccessLog}. A
 * change made in this very request (a confirmation, whose new password is shown on the same response rather
 * than after a redirect) drops the list read while the form was decoded, so the page shows the change too.
 */
@Named
@RequestScoped
public class CounsellorAccessBacking {

    @Inject
    CounsellorAccessLog log;

    @Inject
    CurrentUser currentUser;

    private List<AccessLine> recent;

    public List<AccessLine> getRecent() {
        if (recent == null) {
            recent = log.recent(currentUser.requireActor());
        }
        return recent;
    }

    void onChange(@Observes(notifyObserver = Reception.IF_EXISTS) CounsellorAccessChanged change) {
        recent = null;
    }

    public String who(AccessLine line) {
        return line.actor() == null ? Texts.text("counsellorAccess.operator") : line.actor();
    }

    public String describe(AccessLine line) {
        return Texts.text("reports.audit.action." + line.action().name()) + " · " + line.counsellor();
    }
}
