package org.dodam.lti.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.dodam.content.application.Curriculum;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.application.Curriculum.ModuleEntry;
import org.dodam.content.domain.ContentModel;
import org.dodam.lti.application.DeepLinkRequest;
import org.omnifaces.util.Faces;

/**
 * The lesson picker a teacher's deep linking launch lands on ({@code teacher/lti-pick.xhtml}): the students'
 * modules and lessons, filtered by age band with plain links ({@code ?band=middle}), each lesson a checkbox (a radio
 * button when the platform takes one item) of a plain form that posts to {@link DeepLinkServlet}. No script is
 * needed. Without a deep linking request in the session (a bookmarked or second visit) the page is 404.
 */
@Named
@RequestScoped
public class DeepLinkPickerBacking {

    @Inject
    Curriculum curriculum;

    private DeepLinkRequest request;
    private String band;

    @PostConstruct
    void load() {
        request = (DeepLinkRequest) Faces.getSessionAttribute(DeepLinkRequest.SESSION_KEY);
        String asked = Faces.getRequestParameter("band");
        band = asked != null && ContentModel.BANDS.contains(asked) && !"staff".equals(asked) ? asked : null;
    }

    /** Before the page renders (preRenderView): no request to answer is 404. */
    public void answerIfMissing() {
        if (request == null) {
            Faces.responseSendError(404, "");
        }
    }

    public boolean isFound() {
        return request != null;
    }

    public boolean isMultiple() {
        return request != null && request.settings().acceptMultiple();
    }

    /** The age band chosen, or {@code null} for all. */
    public String getBand() {
        return band;
    }

    public List<String> getBands() {
        return ContentModel.BANDS.stream().filter(b -> !"staff".equals(b)).toList();
    }

    /** The students' modules with the lessons of the chosen band (modules left without any are left out). */
    public List<ModuleEntry> getModules() {
        return curriculum.modules(false).stream()
                .filter(m -> !m.forStaff() && !lessons(m).isEmpty())
                .toList();
    }

    /** The lessons of a module shown for the chosen band. */
    public List<LessonEntry> lessons(ModuleEntry module) {
        return module.lessons().stream()
                .filter(l -> !l.forStaff() && (band == null || l.bands().contains(band)))
                .toList();
    }
}
