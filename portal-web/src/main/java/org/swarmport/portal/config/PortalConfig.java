package org.swarmport.portal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
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
    static final String SERVICE_TOKEN = "SWARMPORT_SERVICE_TOKEN";

    private final URI trackerUrl;
    private final Optional<String> adminUsername;
    private final Role uploadRole;
    private final Optional<String> serviceToken;
    private final Path dataDirectory;

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
        serviceToken = serviceToken(settings);
        // configure.cli sets swarmport.data.dir from SWARMPORT_DATA_DIR, so Settings finds it either way.
        dataDirectory = Path.of(settings.string("SWARMPORT_DATA_DIR",
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/swarmport"));
    }

    /** {@code user} (any signed-in account uploads, as on community portals) or {@code uploader} (and above). */
    private static Role uploadRole(Settings settings) {
        String value = settings.string(UPLOAD_ROLE, "user");
        for (Role role : new Role[] {Role.USER, Role.UPLOADER}) {
            if (role.label().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw new InvalidSettingException(UPLOAD_ROLE, "must be user or uploader, got '"
                + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'");
    }

    /** The tracker's rule, so one value serves both wars; the message never quotes a secret. */
    private static Optional<String> serviceToken(Settings settings) {
        String token = settings.raw(SERVICE_TOKEN);
        if (token != null && (token.length() < 16 || token.length() > 512
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new InvalidSettingException(SERVICE_TOKEN,
                    "must be 16 to 512 printable ASCII characters without spaces (the value is not shown)");
        }
        return Optional.ofNullable(token);
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

    /** The least role that may upload ({@code SWARMPORT_UPLOAD_ROLE}): {@link Role#USER} or {@link Role#UPLOADER}. */
    public Role uploadRole() {
        return uploadRole;
    }

    /**
     * {@code SWARMPORT_SERVICE_TOKEN}, the bearer token of the tracker's write API; empty when
     * not set, and then the token the tracker generated in {@link #dataDirectory()} is used.
     */
    public Optional<String> serviceToken() {
        return serviceToken;
    }

    /** {@code SWARMPORT_DATA_DIR}: where the tracker on this server keeps its generated service token. */
    public Path dataDirectory() {
        return dataDirectory;
    }
}
