/**
 * Swarm logic: which blocks to ask which peer for, whom to upload to, whom to ban. Pure and
 * single-threaded: no locks, no I/O, no clock. The engine calls it from its network thread and
 * passes the time as {@code long nowNanos}, so tests replay any scenario deterministically.
 *
 * <ul>
 * <li>{@link org.swarmport.peer.swarm.PiecePicker}: availability from bitfields and haves,
 *     rarest first with random ties, started pieces first, 16 KiB block books, file selection,
 *     BEP 6 allowed fast, end game with cancels, failed pieces, request timeouts.</li>
 * <li>{@link org.swarmport.peer.swarm.Choker}: tit-for-tat with optimistic unchoke while
 *     leeching, round robin while seeding.</li>
 * <li>{@link org.swarmport.peer.swarm.BanList}: blame for pieces that fail their hash check,
 *     by IP address.</li>
 * <li>{@link org.swarmport.peer.swarm.AllowedFastSet}: BEP 6's canonical allowed-fast pieces
 *     of a peer.</li>
 * </ul>
 */
package org.swarmport.peer.swarm;
