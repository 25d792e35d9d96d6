package org.swarmport.portal.health;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.swarmport.db.DatabaseStatus;
import org.swarmport.db.HealthReport;

/**
 * {@code GET /health}: 200 when the portal and its database answer, else 503. A servlet
 * because the portal's root belongs to Faces and has no JAX-RS application at {@code /}.
 */
@WebServlet(urlPatterns = "/health")
public class HealthServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    PortalSchema schema;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DatabaseStatus database = schema.status();
        response.setStatus(database.isUp() ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.toJson(HealthReport.of(database)));
    }
}
