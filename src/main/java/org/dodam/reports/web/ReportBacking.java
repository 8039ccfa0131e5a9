package org.dodam.reports.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.dodam.content.application.Curriculum;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.ClientThrottle;
import org.dodam.reports.application.IncidentReporting.NewReport;
import org.dodam.reports.application.IncidentReporting;
import org.dodam.reports.application.OnceTokens;
import org.dodam.reports.domain.Category;
import org.dodam.reports.domain.ReporterRole;

/**
 * The public report form of one school, reached by its link without signing in. The page is a stateless
 * view, so it needs no session and cannot expire while a student takes their time to write. The client's
 * address is used only in memory, hashed, to limit how many reports one client sends; it never reaches
 * {@link IncidentReporting}, which gets the words of the report and nothing else.
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
    OnceTokens onceTokens;

    @Inject
    Curriculum curriculum;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    private ReporterRole role;
    private Category category;
    private String place;
    private String happenedOn;
    private Boolean danger;
    private String description;
    private String token;
    private String receipt;
    private boolean receiptUrgent;

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var parameters = faces.getExternalContext().getRequestParameterMap();
        String client = link.clientAddress();
        if (!parameters.getOrDefault("website", "").isEmpty()) {
            Texts.error("report.error.notSent");
            return;
        }
        token = parameters.get("token");
        if (!throttle.allowed(ClientThrottle.Kind.REPORT, client)) {
            Texts.error("report.error.tooMany");
            return;
        }
        if (!onceTokens.firstUse(token, clock.instant())) {
            Texts.info("report.error.alreadySent");
            token = null;
            return;
        }
        try {
            boolean urgent = Boolean.TRUE.equals(danger);
            receipt = reporting.submit(link.getChannel().linkKey(), new NewReport(role, category, place, happenedOn, urgent, description));
            receiptUrgent = urgent;
            throttle.count(ClientThrottle.Kind.REPORT, client);
        } catch (DodamException e) {
            onceTokens.release(token);
            Texts.error(e);
        }
    }

    public String getToken() {
        if (token == null) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return token;
    }

    public CountryHelp getHelp() {
        return link.getChannel() == null ? null : curriculum.help(link.getChannel().country()).orElse(null);
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
