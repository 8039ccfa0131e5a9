package org.dodam.reports.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.CaseWork;
import org.dodam.reports.application.CaseWork.CaseView;
import org.dodam.reports.domain.CaseIds;
import org.dodam.reports.domain.CaseStatus;
import org.dodam.reports.domain.Outcome;
import org.dodam.reports.domain.ReferralTarget;
import org.omnifaces.util.Faces;

/**
 * One case for a counsellor of its school: read it, move it on, assign it, write notes and replies,
 * record referrals and the mandatory report, close it. Every action is one call to {@link CaseWork}
 * and redirects back to the case, so a refresh never repeats it.
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CaseWork caseWork;

    @Inject
    transient CurrentUser currentUser;

    private String id;
    private long caseId;
    private CaseView view;
    private CaseStatus status;
    private Long assignee;
    private String note;
    private String reply;
    private ReferralTarget target;
    private String reference;
    private ReferralTarget agency;
    private Outcome outcome;

    public void load() {
        Optional<Long> parsed = CaseIds.parse(id);
        if (parsed.isEmpty()) {
            Faces.responseSendError(404, "");
            return;
        }
        caseId = parsed.get();
        view = caseWork.open(currentUser.requireActor(), caseId);
        assignee = view.assigneeId();
    }

    public String moveTo() {
        return act(c -> caseWork.moveTo(c, caseId, status), "cases.done.status");
    }

    public String assign() {
        return act(c -> caseWork.assign(c, caseId, assignee), "cases.done.assigned");
    }

    public String addNote() {
        return act(c -> caseWork.addNote(c, caseId, note), "cases.done.note");
    }

    public String sendReply() {
        return act(c -> caseWork.reply(c, caseId, reply), "cases.done.reply");
    }

    public String refer() {
        return act(c -> caseWork.refer(c, caseId, target, reference), "cases.done.referred");
    }

    public String completeReferral(long referralId) {
        return act(c -> caseWork.completeReferral(c, caseId, referralId), "cases.done.referralCompleted");
    }

    public String flagMandatory() {
        return act(c -> caseWork.flagMandatoryReport(c, caseId), "cases.done.mandatoryFlagged");
    }

    public String recordMandatory() {
        return act(c -> caseWork.recordMandatoryReport(c, caseId, agency), "cases.done.mandatoryReported");
    }

    public String close() {
        return act(c -> caseWork.close(c, caseId, outcome), "cases.done.closed");
    }

    private String act(Consumer<Actor> action, String doneKey) {
        try {
            action.accept(currentUser.requireActor());
            Texts.info(doneKey);
            return "/counsellor/case?faces-redirect=true&id=" + caseId;
        } catch (DodamException e) {
            if (e instanceof DodamException.NotFound) {
                throw e; // a 404, answered in one place (PrivateExceptionHandlerFactory)
            }
            Texts.error(e);
            return null;
        }
    }

    public List<CaseStatus> getStatuses() {
        return List.of(CaseStatus.TRIAGED, CaseStatus.IN_PROGRESS, CaseStatus.REFERRED);
    }

    public List<ReferralTarget> getTargets() {
        return List.of(ReferralTarget.values());
    }

    public List<ReferralTarget> getAgencies() {
        return List.of(ReferralTarget.values()).stream()
                .filter(ReferralTarget::investigative)
                .toList();
    }

    public List<Outcome> getOutcomes() {
        return List.of(Outcome.values());
    }

    public CaseView getView() {
        return view;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public void setStatus(CaseStatus status) {
        this.status = status;
    }

    public Long getAssignee() {
        return assignee;
    }

    public void setAssignee(Long assignee) {
        this.assignee = assignee;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public ReferralTarget getTarget() {
        return target;
    }

    public void setTarget(ReferralTarget target) {
        this.target = target;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public ReferralTarget getAgency() {
        return agency;
    }

    public void setAgency(ReferralTarget agency) {
        this.agency = agency;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
