package org.swarmport.portal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Marks the war as a Faces application for Mojarra's servlet initializer. Without a
 * {@code faces-config.xml} or a class like this one, the initializer skips registering the
 * FacesServlet's mappings, and {@code AUTOMATIC_EXTENSIONLESS_MAPPING} (pages at /search,
 * /browse, /torrent) fails the deployment with a NullPointerException.
 */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}
