/**
 * Tracker clients: HTTP(S) announce and scrape (BEP 3, BEP 23 compact peers, BEP 7
 * {@code peers6}, BEP 48 scrape) over the JDK's {@code HttpClient}, UDP (BEP 15, BEP 41 URL
 * data) over a {@code DatagramChannel}, and BEP 12 tiers. Start at
 * {@link org.swarmport.peer.tracker.TrackerClient#open}, which picks the client for a URL, and
 * {@link org.swarmport.peer.tracker.TrackerTiers}, which decides which tracker to ask.
 * Answers are parsed by pure functions ({@code HttpTrackerResponse}, {@code UdpTrackerPacket})
 * bounded by {@link org.swarmport.peer.tracker.TrackerSettings}; every failure is a
 * {@link org.swarmport.peer.tracker.TrackerException} with a message fit for a log or a user.
 * {@link org.swarmport.peer.discovery.TrackerPeerSource} runs them on a schedule for a torrent.
 */
package org.swarmport.peer.tracker;
