package org.swarmport.peer.swarm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

import org.swarmport.peer.wire.Bitfield;

/**
 * Not a test: CPU time the picker spends per block while a 1 GiB torrent (4096 pieces of
 * 256 KiB, 65,536 blocks) downloads from one seed with a deep pipeline, alone or beside 50 peers
 * that have half the pieces each. Measured in thread CPU time, so a loaded machine does not
 * inflate it. Run after {@code mvn -pl peer-plugin test-compile}:
 *
 * <pre>java -cp peer-plugin/target/classes:peer-plugin/target/test-classes org.swarmport.peer.swarm.PiecePickerBenchmark</pre>
 */
public final class PiecePickerBenchmark {

    private static final int PIECES = 4096;
    private static final int SEED = -1;

    private PiecePickerBenchmark() {
    }

    public static void main(String[] args) {
        for (int run = 0; run < 5; run++) {
            report("seed alone, pipeline 500, 16 blocks per pick", measure(0, 500, 16));
            report("seed alone, pipeline 500, 1 block per pick  ", measure(0, 500, 1));
            report("seed and 50 half peers, 16 blocks per pick  ", measure(50, 500, 16));
        }
    }

    private static void report(String name, double nanosPerBlock) {
        System.out.printf("%s: %6.0f ns CPU per block%n", name, nanosPerBlock);
    }

    private static double measure(int partialPeers, int pipeline, int batch) {
        PieceGeometry geometry = PieceGeometry.uniform(PIECES, 256 * 1024, 1L << 30);
        PiecePicker<Integer> picker = new PiecePicker<>(geometry, new Bitfield(PIECES), new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        for (int peer = 0; peer < partialPeers; peer++) {
            picker.addPeer(peer);
            Bitfield bits = new Bitfield(PIECES);
            for (int piece = 0; piece < PIECES; piece++) {
                if (random.nextBoolean()) {
                    bits.set(piece);
                }
            }
            picker.peerBitfield(peer, bits);
            picker.peerUnchoked(peer);
        }
        picker.addPeer(SEED);
        picker.peerHaveAll(SEED);
        picker.peerUnchoked(SEED);

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        long blocks = 0;
        ArrayDeque<Block> pipelineToSeed = new ArrayDeque<>(picker.pick(SEED, pipeline, 0));
        for (int turn = 0; !picker.isComplete(); turn++) {
            int peer = partialPeers == 0 ? SEED : turn % (partialPeers + 1);
            if (peer == partialPeers) {
                peer = SEED;
            }
            if (peer == SEED) {
                for (int i = 0; i < batch && !pipelineToSeed.isEmpty(); i++) {
                    blocks += deliver(picker, SEED, pipelineToSeed.poll());
                }
                pipelineToSeed.addAll(picker.pick(SEED, pipeline - picker.outstanding(SEED), 0));
                if (pipelineToSeed.isEmpty() && !picker.isComplete()) {
                    throw new IllegalStateException("the seed has nothing left to send");
                }
            } else {
                for (Block block : picker.pick(peer, batch, 0)) {
                    blocks += deliver(picker, peer, block);
                }
            }
        }
        return (cpu.getCurrentThreadCpuTime() - start) / (double) blocks;
    }

    private static int deliver(PiecePicker<Integer> picker, int peer, Block block) {
        BlockReceipt<Integer> receipt = picker.blockReceived(peer, block, 0);
        if (receipt.pieceComplete()) {
            picker.pieceVerified(block.piece());
        }
        return receipt.outcome() == BlockReceipt.Outcome.ACCEPTED ? 1 : 0;
    }
}
