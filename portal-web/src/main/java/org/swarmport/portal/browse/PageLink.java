package org.swarmport.portal.browse;

/** One numbered link of the paging bar; {@code current} is the page shown (no link). */
public record PageLink(int number, String href, boolean current) {
}
