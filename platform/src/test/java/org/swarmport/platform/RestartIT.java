package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What is stored survives stopping the server and starting it again: the whole JVM, not a
 * redeployment. Its own failsafe execution makes the container manual, so the test itself
 * decides when the server stops and starts.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final String CONTAINER = "wildfly";
    private static final String MARKER = "RestartIT marker";

    @ArquillianResource
    ContainerController server;

    @ArquillianResource
    Deployer deployer;

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Deployment(name = "tracker", managed = false)
    static WebArchive tracker() {
        return Wars.tracker().addClasses(RestartIT.class, MarkerTorrent.class);
    }

    @Test
    @Order(1)
    @RunAsClient
    void startTheServer() {
        server.start(CONTAINER);
        deployer.deploy("tracker");
    }

    @Test
    @Order(2)
    @OperateOnDeployment("tracker")
    void storeATorrent() throws Exception {
        MarkerTorrent.removeAll(em, tx, MARKER);
        MarkerTorrent.store(em, tx, MARKER);
        assertEquals(1, MarkerTorrent.find(em, MARKER).size());
    }

    @Test
    @Order(3)
    @RunAsClient
    void stopAndStartTheServer() {
        deployer.undeploy("tracker");
        server.stop(CONTAINER);
        server.start(CONTAINER);
        deployer.deploy("tracker");
    }

    @Test
    @Order(4)
    @OperateOnDeployment("tracker")
    void theTorrentIsStillThere() throws Exception {
        try {
            assertEquals(1, MarkerTorrent.find(em, MARKER).size());
        } finally {
            MarkerTorrent.removeAll(em, tx, MARKER);
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void stopTheServer() {
        deployer.undeploy("tracker");
        server.stop(CONTAINER);
    }
}
