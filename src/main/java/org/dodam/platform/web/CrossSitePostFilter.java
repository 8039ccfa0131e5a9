package org.dodam.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.dodam.platform.PlatformSettings;

/**
 * Refuses a post that did not come from one of Dodam's own pages, before anything reads or saves it. Many of
 * Dodam's posts carry nothing a hostile page could not copy: the sign-in and join forms and the report pages
 * are stateless views, and the language and sign-out buttons are plain forms. Without this, a page anywhere
 * could sign its visitors' browsers in to an account of its own on a shared school computer (login CSRF),
 * make them join a class, or file reports.
 *
 * <p>The rule, for every POST:
 * <ol>
 * <li>{@code Sec-Fetch-Site}, which every current browser sends over HTTPS and to localhost, decides alone:
 * {@code same-origin} passes, and so does {@code none} (the person asked for it, resending a form from the
 * history, say); {@code same-site} (another site under the school's domain), {@code cross-site} and anything
 * else are refused. It is the browser's own word, more reliable than Dodam's idea of its own address.
 * <li>Without it (an older browser, or plain HTTP to another host), an {@code Origin} must be Dodam's own
 * origin, scheme, host and port: the address the request was sent to, as the trusted proxy tells it
 * ({@link PublicAddress}), or the public address {@code DODAM_PUBLIC_URL}.
 * <li>With neither, or with the opaque origin {@code null}, the browser did not say where the post came from.
 * A browser without Fetch Metadata (Safari before 16.4, Firefox before 90) sends {@code null} from a page
 * served with {@code Referrer-Policy: no-referrer}, as the report pages are, and their language and sign-out
 * buttons post from there; Firefox before 70 sends no Origin at all. Such a post passes everywhere except
 * to the sign-in and join pages and the staff password pages ({@link #MUST_SAY_WHERE_FROM}): those pages
 * are served with {@code Referrer-Policy: same-origin}, so every browser that still runs Dodam's pages sends
 * their real origin there; a forged sign-in is the one attack that needs nothing else, and the password
 * pages, stateless like sign-in, carry no view state; nor does {@code /lti/continue}, which signs in whoever a
 * launch ticket names (a launch that arrived in the platform's frame). Everywhere else silence
 * passes: a report from an old phone must never be refused (the report form also needs a token the server
 * issued, a follow-up needs the receipt code), a forged language switch or sign-out does no harm, and the
 * signed-in pages carry their view state.
 * </ol>
 * A refused post gets 403 and a page in the person's language that says nothing was sent
 * ({@code /WEB-INF/errorpages/403.xhtml}), never the form's action.
 *
 * <p>Two addresses take posts from other sites by design, {@link #CROSS_SITE_ENDPOINTS}: a school's learning
 * platform (LTI 1.3) posts its login initiation and its launch to Dodam from its own site. What protects them is
 * not where the post comes from but what it carries: a launch is refused unless it brings back a one-time login
 * state Dodam made and an id_token the platform signed for it; a login initiation only sends the browser on to the
 * platform.
 */
@WebFilter(urlPatterns = "/*")
public class CrossSitePostFilter extends HttpFilter {

    /** Set on a refused request, so that the 403 page says why. */
    public static final String REFUSED = "org.dodam.crossSite";

    /** The pages where a post must show that it comes from Dodam itself. */
    static final Set<String> MUST_SAY_WHERE_FROM = Set.of(
            "/login.xhtml",
            "/join.xhtml",
            "/teacher/password.xhtml",
            "/counsellor/password.xhtml",
            "/admin/password.xhtml",
            "/lti/continue");

    @Inject
    PlatformSettings settings;

    /** The paths that a platform's pages post to from their own site (LTI login initiation and launch). */
    static final Set<String> CROSS_SITE_ENDPOINTS = Set.of("/lti/login", "/lti/launch");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && !fromDodam(request, settings.publicUrl().toString())
                && !CROSS_SITE_ENDPOINTS.contains(request.getServletPath())) {
            request.setAttribute(REFUSED, Boolean.TRUE);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a post comes from one of Dodam's own pages, by the rule above. */
    static boolean fromDodam(HttpServletRequest request, String publicUrl) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.strip().equals("null")) {
            return !MUST_SAY_WHERE_FROM.contains(request.getServletPath());
        }
        String own = new PublicAddress(request.getScheme(), request.getServerName(), request.getServerPort()).origin();
        return sameOrigin(origin, own) || sameOrigin(origin, publicUrl);
    }

    /** Whether two addresses share scheme, host and port (the scheme's own port when none is written). */
    static boolean sameOrigin(String origin, String address) {
        try {
            URI one = new URI(origin.strip());
            URI other = new URI(address.strip());
            return one.getScheme() != null
                    && one.getHost() != null
                    && other.getScheme() != null
                    && other.getHost() != null
                    && one.getScheme().equalsIgnoreCase(other.getScheme())
                    && one.getHost().equalsIgnoreCase(other.getHost())
                    && port(one) == port(other);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
