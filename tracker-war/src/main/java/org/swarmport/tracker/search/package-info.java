/**
 * Search over the catalogue (issue #5): Apache Lucene used directly.
 *
 * <p>Pure parts: {@link org.swarmport.tracker.search.ReleaseNameAnalyzer} (release names,
 * file paths, descriptions), {@link org.swarmport.tracker.search.SearchQueryParser} (the query
 * language), {@code TorrentDocument} (the layout), {@link org.swarmport.tracker.search.TorrentIndex}
 * (one Lucene directory: writes, in-place counts, searches, suggestions, reconciliation).
 * Boundary: {@link org.swarmport.tracker.search.CatalogueSearch} (the war's index, its life)
 * and the two JAX-RS resources.
 *
 * <h2>Agreeing with the database</h2>
 *
 * The catalogue fires a {@link org.swarmport.tracker.catalogue.CatalogueChange} after each
 * commit; the index applies it at once (visible to the next search) but commits to disk only
 * every few seconds and at shutdown, so a crash loses the last seconds of changes. Events
 * carry no sequence number, so "the last change applied" cannot be recorded; instead every
 * start <em>reconciles</em>: each document carries a 64-bit digest of its indexed content,
 * and the reconciliation streams the catalogue once ({@code CatalogueSource.forEach}),
 * compares digest plus live counts with the index's doc values, rewrites what differs, adds
 * what is missing and deletes what the catalogue no longer holds. An empty index (missing,
 * corrupt, older layout) goes through the same pass, which is then the full build, and
 * searches answer 503 until it ends; an existing index answers at once, possibly stale by
 * the lost seconds until the pass ends. Count-only comparisons fit in two long arrays per
 * document (16 bytes), so the pass costs one read of the catalogue and no analysis of
 * unchanged torrents.
 *
 * <p>Events applied while the pass runs win: a torrent or swarm touched by an event is
 * skipped by the pass, since the stream may have read its row before the change. That is
 * safe because events carry the catalogue's state, not differences: a count batch carries
 * each swarm's absolute seeders, leechers and completed as read back in the transaction that
 * wrote them, so the first batch after a crash puts any swarm it touches right, and the pass
 * puts right the rest.
 */
package org.swarmport.tracker.search;
