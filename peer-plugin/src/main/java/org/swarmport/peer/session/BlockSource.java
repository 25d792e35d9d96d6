package org.swarmport.peer.session;

import org.swarmport.peer.swarm.Block;

/**
 * Something the {@link org.swarmport.peer.swarm.PiecePicker} hands block requests to: a peer
 * connection, or a web seed (BEP 19), which has every piece. Both feed the same picker, so
 * rarest first, end game and request timeouts treat them alike.
 */
interface BlockSource {

    /** The picker took back a request (end game: another source delivered it; or it timed out). */
    void cancel(Block block);
}
