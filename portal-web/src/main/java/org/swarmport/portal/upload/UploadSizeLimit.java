package org.swarmport.portal.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses a form POST larger than {@value #MAX_REQUEST_BYTES} bytes with 413 and the page that
 * says so, before anything reads it. The limit leaves room for a .torrent of up to 10 MiB and
 * its fields, so a file a little too large still reaches the upload form, which says so beside
 * the file field with the other fields kept; only what no form could ever need is refused here.
 *
 * <p>Declared in web.xml ahead of {@code FormTokenCheck}, which reads the parameters: Undertow
 * would otherwise fail that read on a body over the multipart limit (the FacesServlet's
 * {@code multipart-config}, the same number, which also bounds a body sent without a length).
 */
public class UploadSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** 16 MiB: web.xml's multipart-config says the same. */
    public static final long MAX_REQUEST_BYTES = 16L << 20;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && tooLarge(request)) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean tooLarge(HttpServletRequest request) throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            return true;
        }
        String type = request.getContentType();
        if (request.getContentLengthLong() < 0 && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            // No length given (chunked): reading the parts is what finds out, within the multipart limit.
            try {
                request.getParts();
            } catch (IllegalStateException overTheLimit) {
                return true;
            }
        }
        return false;
    }
}
