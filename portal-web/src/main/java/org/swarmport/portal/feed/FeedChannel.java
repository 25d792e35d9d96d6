package org.swarmport.portal.feed;

/**
 * The {@code <channel>} of a feed: its title, the page it mirrors, and its own URL (for
 * {@code atom:link rel="self"}, which feed validators ask for).
 */
record FeedChannel(String title, String link, String description, String selfUrl) {
}
