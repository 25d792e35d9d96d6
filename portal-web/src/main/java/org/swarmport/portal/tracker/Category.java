package org.swarmport.portal.tracker;

/** A Torznab category as the tracker names it: {@code {"id":2000,"name":"Movies"}}. */
public record Category(int id, String name) {
}
