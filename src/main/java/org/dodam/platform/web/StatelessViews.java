package org.dodam.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Set;

/**
 * The pages whose views keep nothing on the server: their forms carry everything they need, or they only
 * link onwards. (The staff password pages are here too, so that they work without JavaScript, which a view
 * with state does not: PrimeFaces checks a script nonce that only its script adds, see ScriptlessPostFilter.) A visitor who is not signed in (the sign-in page, an anonymous report) therefore gets no
 * session at all, a report page left open for an hour cannot expire, and lesson pages opened at once in
 * many tabs cannot push each other out of the session.
 *
 * <p>The views are marked transient as soon as they are made ({@link Handler}, before PrimeFaces would
 * store its script nonce in a view map, which makes a session), and the layout's {@code f:view} asks
 * {@link #holds} so that a rebuilt view stays transient too.
 */
@Named
@ApplicationScoped
public class StatelessViews {

    static final Set<String> VIEWS = Set.of(
            "/index.xhtml",
            "/login.xhtml",
            "/join.xhtml",
            "/report/index.xhtml",
            "/report/follow-up.xhtml",
            "/student/lesson.xhtml",
            "/teacher/lesson.xhtml",
            "/counsellor/lesson.xhtml",
            "/admin/lti.xhtml",
            "/teacher/password.xhtml",
            "/counsellor/password.xhtml",
            "/admin/password.xhtml",
            "/WEB-INF/errorpages/403.xhtml",
            "/WEB-INF/errorpages/404.xhtml",
            "/WEB-INF/errorpages/413.xhtml",
            "/WEB-INF/errorpages/500.xhtml",
            "/WEB-INF/errorpages/expired.xhtml",
            "/WEB-INF/errorpages/launch-refused.xhtml");

    public boolean holds(String viewId) {
        return VIEWS.contains(viewId);
    }

    /** Makes the views above transient from the start. */
    public static class Handler extends ViewHandlerWrapper {

        public Handler(ViewHandler wrapped) {
            super(wrapped);
        }

        @Override
        public UIViewRoot createView(FacesContext context, String viewId) {
            UIViewRoot root = super.createView(context, viewId);
            if (root != null && VIEWS.contains(root.getViewId())) {
                root.setTransient(true);
            }
            return root;
        }
    }
}
