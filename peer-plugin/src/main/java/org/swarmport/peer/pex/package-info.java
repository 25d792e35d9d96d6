/**
 * Peer exchange (BEP 11 {@code ut_pex}): connected peers tell each other whom else they are
 * connected to. {@link org.swarmport.peer.pex.PexMessage} is the codec, pure over bytes, with
 * limits for hostile input; {@link org.swarmport.peer.pex.PexState} turns our set of connected
 * peers into the added/dropped diffs one remote peer should get, once a minute. Private
 * torrents (BEP 27) must not use PEX: the engine does not negotiate it for them.
 */
package org.swarmport.peer.pex;
