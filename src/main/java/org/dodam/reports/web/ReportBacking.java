package org.dodam.reports.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.content.application.Curriculum;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.AnonymousPageGuard;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.ClientThrottle;
import org.dodam.reports.application.FormTokens;
import org.dodam.reports.application.IncidentReporting;
import org.dodam.reports.application.IncidentReporting.NewReport;
import org.dodam.reports.application.IncidentReporting.SchoolChannel;
import org.dodam.reports.domain.Category;
import org.dodam.reports.domain.ReporterRole;
import org.omnifaces.util.Faces;

/**
 * The public report form of one school, reached by its link without signing in. The page is a stateless
 * view, so it needs no session and cannot expire while a student takes their time to write (its token is
 * good for a day). The client's address is used only in memory, hashed, to make a flood of reports slow
 * ({@link ClientThrottle}); it never reaches {@link IncidentReporting}, which gets the words of the report
 * and nothing else. Once the report has committed, the receipt code is left with {@link AnonymousPageGuard},
 * so the reporter sees it even if this page then fails to render.
 */
@Named
@RequestScoped
public class ReportBacking {

    @Inject
    IncidentReporting reporting;

    @Inject
    SchoolLink link;

    @Inject
    ClientThrottle throttle;

    @Inject
    FormTokens formTokens;

    @Inject
    Curriculum curriculum;

    private ReporterRole role;
    private Category category;
    private String place;
    private String happenedOn;
    private Boolean danger;
    private String description;
    private String token;
    private boolean newToken;
    private String receipt;
    private boolean receiptUrgent;

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var parameters = faces.getExternalContext().getRequestParameterMap();
        SchoolChannel channel = link.getChannel();
        token = parameters.get("token");
        if (!parameters.getOrDefault("website", "").isEmpty()) {
            Texts.error("report.error.notSent");
            return;
        }
        String client = link.clientAddress();
        FormTokens.Check check =
                formTokens.use(token, channel.linkKey(), throttle.minimumFormAge(channel.schoolId(), client));
        switch (check.outcome()) {
            case FORGED, EXPIRED -> {
                token = null;
                newToken = true;
                Texts.error("report.error.formExpired");
                return;
            }
            case USED -> {
                token = null;
                newToken = true;
                Texts.info("report.error.alreadySent");
                return;
            }
            case TOO_SOON -> {
                Texts.error("report.error.wait", check.waitSeconds());
                return;
            }
            case ACCEPTED -> {
                // sent on below
            }
        }
        try {
            boolean urgent = Boolean.TRUE.equals(danger);
            receipt = reporting.submit(
                    channel.linkKey(), new NewReport(role, category, place, happenedOn, urgent, description));
            receiptUrgent = urgent;
            AnonymousPageGuard.committed(Faces.getRequest(), new AnonymousPageGuard.Committed("report.saved", receipt));
        } catch (DodamException e) {
            formTokens.release(token);
            Texts.error(e);
            return;
        }
        if (throttle.reportSent(channel.schoolId(), client)) {
            reporting.floodNoticed(channel.schoolId());
        }
    }

    /**
     * The form's one-time token: the one the form was sent with, so that a form shown again (a missing
     * answer, a wait) keeps its age, or a new one issued by the server.
     */
    public String getToken() {
        if (token == null && link.getChannel() != null) {
            String sent = Faces.getRequestParameter("token");
            token = sent != null && sent.matches("[A-Za-z0-9_-]{48}") && !newToken
                    ? sent
                    : formTokens.issue(link.getChannel().linkKey());
        }
        return token;
    }

    public CountryHelp getHelp() {
        return link.getChannel() == null
                ? null
                : curriculum.help(link.getChannel().country()).orElse(null);
    }

    public List<ReporterRole> getRoles() {
        return List.of(ReporterRole.values());
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public ReporterRole getRole() {
        return role;
    }

    public void setRole(ReporterRole role) {
        this.role = role;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getHappenedOn() {
        return happenedOn;
    }

    public void setHappenedOn(String happenedOn) {
        this.happenedOn = happenedOn;
    }

    public Boolean getDanger() {
        return danger;
    }

    public void setDanger(Boolean danger) {
        this.danger = danger;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getReceipt() {
        return receipt;
    }

    public boolean isReceiptUrgent() {
        return receiptUrgent;
    }
}
