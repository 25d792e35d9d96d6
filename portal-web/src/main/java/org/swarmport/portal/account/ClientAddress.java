package org.swarmport.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.swarmport.portal.config.PortalConfig;

/** Who a request comes from, for the login limiter: {@link ClientAddressResolver} with {@code SWARMPORT_TRUSTED_PROXIES}. */
@ApplicationScoped
public class ClientAddress {

    private ClientAddressResolver resolver;

    @Inject
    void configure(PortalConfig config) {
        resolver = new ClientAddressResolver(config.trustedProxies());
    }

    /** The limiter's key for this request's client (the raw socket text if the container gave no usable address). */
    public String of(HttpServletRequest request) {
        byte[] address = resolver.resolve(request.getRemoteAddr(), lines(request, "X-Forwarded-For"),
                lines(request, "Forwarded"));
        return address == null ? String.valueOf(request.getRemoteAddr()) : ClientAddressResolver.limiterKey(address);
    }

    private static List<String> lines(HttpServletRequest request, String header) {
        return Collections.list(request.getHeaders(header));
    }
}
