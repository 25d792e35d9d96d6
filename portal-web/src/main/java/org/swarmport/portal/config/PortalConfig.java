package org.swarmport.portal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.swarmport.clientaddress.TrustedProxies;
import org.swarmport.db.InvalidSettingException;
import org.swarmport.db.Settings;
import org.swarmport.portal.account.AccountRules;
import org.swarmport.portal.account.Role;

/**
 * The portal's settings, read once when the war starts; a value that cannot be used stops
 * the deployment with a message naming the variable. The README's configuration table lists
 * them all.
 */
@ApplicationScoped
public class PortalConfig {

    static final String TRACKER_URL = "SWARMPORT_TRACKER_URL";
    static final String ADMIN_USERNAME = "SWARMPORT_ADMIN_USERNAME";
    static final String UPLOAD_ROLE = "SWARMPORT_UPLOAD_ROLE";
    static final String UPLOAD_ROLE_PROPERTY = "swarmport.upload.role";
    static final String TRUSTED_PROXIES = TrustedProxies.CONFIGURATION_KEY;
    static final String GONE_TORRENT_SWEEP = "SWARMPORT_GONE_TORRENT_SWEEP_INTERVAL";

    private final URI trackerUrl;
    private final Optional<String> adminUsername;
    private final Role uploadRole;
    private final TrustedProxies trustedProxies;
    private final Duration goneTorrentSweep;

    public PortalConfig() {
        this(Settings.fromSystem());
    }

    public PortalConfig(Settings settings) {
        trackerUrl = settings.httpUrl(TRACKER_URL, "http://localhost:8080/tracker");
        adminUsername = Optional.ofNullable(settings.raw(ADMIN_USERNAME));
        adminUsername.flatMap(AccountRules::usernameProblem).ifPresent(problem -> {
            throw new InvalidSettingException(ADMIN_USERNAME, "must be a username that can register: " + problem);
        });
        uploadRole = uploadRole(settings);
        try {
            trustedProxies = TrustedProxies.parse(settings.raw(TRUSTED_PROXIES));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(TRUSTED_PROXIES, "must list IP addresses or CIDR ranges; " + e.getMessage());
        }
        goneTorrentSweep = Duration.ofSeconds(settings.integer(GONE_TORRENT_SWEEP, 3600, 0, 7 * 24 * 3600));
    }

    /** {@code user} (any signed-in account uploads, as on community portals) or {@code uploader} (and above). */
    private static Role uploadRole(Settings settings) {
        String value = settings.string(UPLOAD_ROLE, "user");
        return uploadRoleNamed(value).orElseThrow(() -> new InvalidSettingException(UPLOAD_ROLE,
                "must be user or uploader, got '" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'"));
    }

    private static Optional<Role> uploadRoleNamed(String value) {
        for (Role role : new Role[] {Role.USER, Role.UPLOADER}) {
            if (role.label().equalsIgnoreCase(value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }


    /** Creating the bean when the war starts, not at the first request, is the point. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        // the constructor has read and checked every setting
    }

    /** The tracker's base URL, without a trailing slash, e.g. {@code http://localhost:8080/tracker}. */
    public URI trackerUrl() {
        return trackerUrl;
    }

    /**
     * The username that is given role admin when it registers or signs in: how a new portal gets
     * its first admin. Empty when not set.
     */
    public Optional<String> adminUsername() {
        return adminUsername;
    }

    /**
     * The least role that may upload ({@code SWARMPORT_UPLOAD_ROLE}): {@link Role#USER} or
     * {@link Role#UPLOADER}. Its system property {@value #UPLOAD_ROLE_PROPERTY} is read again at
     * every call, so an operator can change who uploads without a redeploy
     * ({@code /system-property=swarmport.upload.role:add(value=uploader)} in WildFly's CLI), and the
     * platform ITs, which share one server, can test both; a value set so that is not a role keeps
     * the one read at start.
     */
    public Role uploadRole() {
        String live = System.getProperty(UPLOAD_ROLE_PROPERTY);
        return live == null ? uploadRole : uploadRoleNamed(live).orElse(uploadRole);
    }

    /** The reverse proxies whose forwarding headers name the client ({@code SWARMPORT_TRUSTED_PROXIES}); none by default. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /**
     * How often the portal asks the tracker which commented or reported torrents it still has
     * ({@code SWARMPORT_GONE_TORRENT_SWEEP_INTERVAL}, seconds, default an hour); zero: never.
     */
    public Duration goneTorrentSweep() {
        return goneTorrentSweep;
    }
}
