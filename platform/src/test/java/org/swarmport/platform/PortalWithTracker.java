package org.swarmport.platform;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Both wars as users deploy them, tested from outside only (over HTTP or in a browser): the
 * base of tests that publish through the tracker's API and read the portal's pages.
 */
abstract class PortalWithTracker {

    @Deployment(name = "tracker", order = 1, testable = false)
    static WebArchive tracker() {
        return Wars.tracker();
    }

    @Deployment(name = "portal", order = 2, testable = false)
    static WebArchive portal() {
        return Wars.portal();
    }

    @ArquillianResource
    @OperateOnDeployment("portal")
    URL portal;

    @ArquillianResource
    @OperateOnDeployment("tracker")
    URL tracker;
}
