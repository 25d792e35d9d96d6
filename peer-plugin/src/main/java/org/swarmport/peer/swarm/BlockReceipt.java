package org.swarmport.peer.swarm;

import java.util.List;

/**
 * What the {@link PiecePicker} made of a block that arrived.
 *
 * @param outcome       whether to keep the data
 * @param pieceComplete every block of the piece is now in: hash it, then call
 *                      {@link PiecePicker#pieceVerified} or {@link PiecePicker#pieceFailed}
 * @param cancels       in end game, the other peers that were asked for the same block: send each
 *                      a {@code cancel}
 * @param <P>           the engine's type for a peer connection
 */
public record BlockReceipt<P>(Outcome outcome, boolean pieceComplete, List<PeerBlock<P>> cancels) {

    /** What to do with the data of the block. */
    public enum Outcome {
        /** The block was missing: write it. */
        ACCEPTED,
        /**
         * We already had it (another peer won the end-game race, or it came after a cancel): drop
         * the data, the peer did nothing wrong.
         */
        DUPLICATE,
        /**
         * Not a block we asked this peer for, or not a block of this torrent at all. BEP 6: "if a
         * peer receives a piece that was never requested, the peer MUST close the connection".
         */
        UNREQUESTED
    }

    public BlockReceipt {
        cancels = List.copyOf(cancels);
    }

    // Receipts without cancels carry no peer, so one instance of each serves every type of peer:
    // the common case of a block arriving costs no allocation.
    private static final BlockReceipt<?> ACCEPTED = new BlockReceipt<>(Outcome.ACCEPTED, false, List.of());
    private static final BlockReceipt<?> COMPLETED = new BlockReceipt<>(Outcome.ACCEPTED, true, List.of());
    private static final BlockReceipt<?> DUPLICATE_RECEIPT = new BlockReceipt<>(Outcome.DUPLICATE, false, List.of());
    private static final BlockReceipt<?> UNREQUESTED_RECEIPT = new BlockReceipt<>(Outcome.UNREQUESTED, false, List.of());

    @SuppressWarnings("unchecked")
    static <P> BlockReceipt<P> of(Outcome outcome) {
        return (BlockReceipt<P>) switch (outcome) {
            case ACCEPTED -> ACCEPTED;
            case DUPLICATE -> DUPLICATE_RECEIPT;
            case UNREQUESTED -> UNREQUESTED_RECEIPT;
        };
    }

    @SuppressWarnings("unchecked")
    static <P> BlockReceipt<P> accepted(boolean pieceComplete) {
        return (BlockReceipt<P>) (pieceComplete ? COMPLETED : ACCEPTED);
    }
}
