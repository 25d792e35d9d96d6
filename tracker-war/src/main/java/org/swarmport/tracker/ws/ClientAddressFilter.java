package org.swarmport.tracker.ws;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.clientaddress.UnbelievableClientAddressException;
import org.swarmport.tracker.config.TrackerConfig;

/**
 * Finds the client's address for the WebSocket upgrade of {@code /ws}, the same way HTTP
 * announces do (the socket's address, or {@code X-Forwarded-For} from a trusted proxy).
 *
 * <p>Why a filter: Jakarta WebSocket shows an endpoint neither the peer's address nor the
 * upgrade request. The container upgrades the request inside this filter's
 * {@code chain.doFilter}, on this thread, and calls {@link WsHandshake#modifyHandshake} on
 * the way, which moves the address into the new session's properties.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class ClientAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Set only while this thread runs the upgrade of one request. */
    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Inject
    TrackerConfig config;

    private ClientAddressResolver addresses;
    private boolean behindProxies;

    @Override
    public void init() {
        addresses = new ClientAddressResolver(config.trustedProxies());
        behindProxies = !config.trustedProxies().isEmpty();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String address;
        try {
            byte[] resolved = addresses.resolve(request.getRemoteAddr(),
                    behindProxies ? Collections.list(request.getHeaders("X-Forwarded-For")) : List.of());
            address = ConnectionsPerAddress.keyOf(resolved);
        } catch (UnbelievableClientAddressException e) {
            response.sendError(400, e.getMessage());
            return;
        }
        CURRENT.set(address);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
