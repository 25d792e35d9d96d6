/**
 * The tracker's in-memory swarm registry: the hot path of announce and scrape.
 *
 * <p>Start with {@link org.swarmport.tracker.swarm.SwarmRegistry}. The servlets (HTTP, UDP) call
 * it with bytes they have parsed: an info-hash, a {@link org.swarmport.tracker.swarm.PeerIdentity}
 * computed from {@code peer_id} and {@code key}, the client's address and port, and
 * {@link org.swarmport.tracker.swarm.PeerBuffer}s the compact peers are written into.
 *
 * <p>Layout, from the outside in: {@code SwarmRegistry} → {@code Shard} (one lock, an
 * open-addressing table of swarms) → {@code Swarm} (info-hash as two longs and an int, completed
 * counter) → two {@code PeerList}s, IPv4 and IPv6, each a handful of primitive arrays with no
 * object per peer. About 35 bytes of heap per IPv4 peer in swarms of 100, 26 in swarms of 1,000,
 * 200 in swarms of one; see {@code bench/registry-heap}.
 *
 * <p>Pure Java 17, no Jakarta API and no dependencies, so unit tests and benchmarks drive it
 * directly.
 */
package org.swarmport.tracker.swarm;
