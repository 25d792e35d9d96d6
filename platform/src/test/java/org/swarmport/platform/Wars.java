package org.swarmport.platform;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The wars as Maven built them (copied to target/wars), so tests deploy what users deploy. */
final class Wars {

    private Wars() {
    }

    static WebArchive tracker() {
        return war("tracker.war");
    }

    static WebArchive portal() {
        return war("portal.war");
    }

    private static WebArchive war(String name) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("wars.dir"), name));
    }
}
