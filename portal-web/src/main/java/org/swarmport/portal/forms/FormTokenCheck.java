package org.swarmport.portal.forms;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a POST to a page that carries no {@code jakarta.faces.ViewState}, with 403.
 *
 * <p>Why: every form of the portal is a Faces form, and with server-side state saving its
 * ViewState is a random token bound to the session, which a forging site cannot know. A
 * wrong token ends in {@link ExpiredFormHandler}; but Faces treats a POST with no token at
 * all as a first visit and renders the page, answering 200 to a forgery. This makes both 403.
 */
@WebFilter(servletNames = "Faces")
public class FormTokenCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
