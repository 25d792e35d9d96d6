package org.swarmport.portal.moderation;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.Role;

/**
 * {@code /moderation} is for moderators and admins only: anyone else gets 403 before Faces
 * runs, for a GET and for a POST alike, whatever ViewState it carries. The page's actions check
 * again, so a role taken away between the two is taken away for both.
 */
@WebFilter(urlPatterns = {"/moderation", "/moderation.xhtml"})
public class ModerationAccess extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/WEB-INF/errors/moderators-only.html";

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!currentUser.has(Role.MODERATOR)) {
            // Its own page (the 403 page of web.xml is about refused forms), written out here:
            // a forward to a static file would be refused for a POST.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            try (InputStream page = request.getServletContext().getResourceAsStream(PAGE)) {
                page.transferTo(response.getOutputStream());
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
