package org.swarmport.tracker;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The war as Maven built it, so integration tests deploy exactly what users deploy. */
public final class TrackerDeployment {

    private TrackerDeployment() {
    }

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tracker.war"));
    }
}
