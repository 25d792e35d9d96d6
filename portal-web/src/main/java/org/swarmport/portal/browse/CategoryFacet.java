package org.swarmport.portal.browse;

/** A category as a filter link beside the results: its name, how many hits it holds, the link. */
public record CategoryFacet(String name, long count, String href, boolean selected) {
}
