package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.swarmport.db.Settings;
import org.swarmport.portal.config.PortalConfig;

/** Who may upload follows SWARMPORT_UPLOAD_ROLE. */
class CurrentUserTest {

    /** Someone with this role signed in (null: nobody), on a portal with these settings. */
    private static CurrentUser user(Role role, Map<String, String> environment) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(CurrentUserTest.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> "getAttribute".equals(method.getName())
                        && role != null ? new SignedIn(7, "someone", role) : null);
        CurrentUser user = new CurrentUser();
        user.request = (HttpServletRequest) Proxy.newProxyInstance(CurrentUserTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> "getSession".equals(method.getName()) ? session : null);
        user.config = new PortalConfig(new Settings(name -> null, environment::get));
        // CurrentUser reads the role as stored now on every request; here it is the signed-in one
        user.accounts = new Accounts() {
            @Override
            public Optional<Role> roleOf(long accountId) {
                return Optional.ofNullable(role);
            }
        };
        return user;
    }

    @Test
    void byDefaultEverySignedInAccountMayUploadAndAVisitorMayNot() {
        assertEquals(true, user(Role.USER, Map.of()).isMayUpload());
        assertEquals(false, user(null, Map.of()).isMayUpload());
    }

    @Test
    void withTheUploaderSettingOnlyUploadersAndAboveMayUpload() {
        Map<String, String> uploaders = Map.of("SWARMPORT_UPLOAD_ROLE", "uploader");
        assertEquals(false, user(Role.USER, uploaders).isMayUpload());
        assertEquals(true, user(Role.UPLOADER, uploaders).isMayUpload());
        assertEquals(true, user(Role.MODERATOR, uploaders).isMayUpload());
        assertEquals(false, user(null, uploaders).isMayUpload());
    }
}
