package org.swarmport.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.clientaddress.IpLiteral;
import org.swarmport.clientaddress.UnbelievableClientAddressException;
import org.swarmport.portal.config.PortalConfig;

/**
 * Who a request comes from, for the login limiter: {@link ClientAddressResolver} with
 * {@code SWARMPORT_TRUSTED_PROXIES}, reading both {@code X-Forwarded-For} and {@code Forwarded}.
 */
@ApplicationScoped
public class ClientAddress {

    private ClientAddressResolver resolver;

    @Inject
    void configure(PortalConfig config) {
        resolver = new ClientAddressResolver(config.trustedProxies());
    }

    /** The limiter's key for this request's client. */
    public String of(HttpServletRequest request) {
        return limiterKey(resolver, request.getRemoteAddr(), lines(request, "X-Forwarded-For"),
                lines(request, "Forwarded"));
    }

    /**
     * The address, an IPv6 client by its /64 (one subscriber's usual share). Forwarding headers
     * that cannot be believed count against the proxy that sent them: that lumps clients
     * together, the limiter's safe side, and never lets one client appear as many; the raw
     * socket text if the container gave no usable address.
     */
    static String limiterKey(ClientAddressResolver resolver, String remoteAddress, List<String> forwardedFor,
            List<String> forwarded) {
        byte[] address;
        try {
            address = resolver.resolve(remoteAddress, forwardedFor, forwarded);
        } catch (UnbelievableClientAddressException e) {
            address = e.proxy();
            if (address == null) {
                return String.valueOf(remoteAddress);
            }
        }
        if (address.length == 4) {
            return IpLiteral.format(address);
        }
        return IpLiteral.format(Arrays.copyOf(Arrays.copyOf(address, 8), 16)) + "/64";
    }

    private static List<String> lines(HttpServletRequest request, String header) {
        return Collections.list(request.getHeaders(header));
    }
}
