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
 * <p>A multipart POST without a Content-Length (chunked) is answered 411 Length Required before
 * any of it is read. Parsing its parts to find out its size, as this filter once did, ends in
 * Undertow cutting the connection at the multipart limit with no answer at all (it terminates the
 * request and the response counts as committed), and no browser or {@code curl -F} sends a form
 * without its length.
 *
 * <p>Declared in web.xml for every URL, ahead of {@code FormTokenCheck}, which reads the
 * parameters: Undertow would otherwise fail that read on a body over the multipart limit (the
 * FacesServlet's {@code multipart-config}, the same number). The refused body is left to
 * {@link RefusedBodyDrain}, which lets Undertow drain it so that the browser gets the page.
 */
public class UploadSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** 16 MiB: web.xml's multipart-config says the same. */
    public static final long MAX_REQUEST_BYTES = 16L << 20;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())) {
            if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            if (request.getContentLengthLong() < 0 && isMultipart(request.getContentType())) {
                // Unread: the connection cannot carry another request after it.
                response.setHeader("Connection", "close");
                response.setStatus(HttpServletResponse.SC_LENGTH_REQUIRED);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("A form must be sent with its length (Content-Length); this one came without.\n");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
