package org.swarmport.peer.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * An in-process UDP tracker (BEP 15) on 127.0.0.1 and an ephemeral port. Every packet is
 * recorded with its arrival time; what is sent back is up to the test's handler, which may drop
 * packets, answer with another transaction id, or send garbage. Closing it stops its thread.
 */
final class FakeUdpTracker implements AutoCloseable {

    static final long CONNECTION_ID = 0x1122334455667788L;

    /** A packet the tracker received, and when (System.nanoTime). */
    record Received(byte[] data, long nanos) {
        int action() {
            return data.length >= 16 && ByteBuffer.wrap(data).getLong() == UdpTrackerPacket.PROTOCOL_ID
                    ? UdpTrackerPacket.ACTION_CONNECT : ByteBuffer.wrap(data).getInt(8);
        }

        int transactionId() {
            return ByteBuffer.wrap(data).getInt(12);
        }

        long connectionId() {
            return ByteBuffer.wrap(data).getLong(0);
        }
    }

    private final DatagramSocket socket;
    private final Thread thread;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Given a packet and how many came before it, the packets to answer (none: dropped). */
    private volatile BiFunction<Received, Integer, List<byte[]>> handler = (packet, index) -> List.of(standard(packet));

    FakeUdpTracker() throws SocketException {
        this(InetAddress.getLoopbackAddress());
    }

    /** On {@code address}, such as {@code ::1} for a tracker reached over IPv6. */
    FakeUdpTracker(InetAddress address) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(address, 0));
        thread = new Thread(this::serve, "fake-udp-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    void handle(BiFunction<Received, Integer, List<byte[]>> handler) {
        this.handler = handler;
    }

    String url(String path) {
        String host = socket.getLocalAddress().getHostAddress();
        return "udp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + socket.getLocalPort() + path;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    long count(int action) {
        return received.stream().filter(packet -> packet.action() == action).count();
    }

    /** What a working tracker answers: a connection id, one peer, or counts of 1, 2, 3. */
    static byte[] standard(Received packet) {
        int id = packet.transactionId();
        switch (packet.action()) {
            case UdpTrackerPacket.ACTION_CONNECT:
                return ByteBuffer.allocate(16).putInt(0).putInt(id).putLong(CONNECTION_ID).array();
            case UdpTrackerPacket.ACTION_ANNOUNCE:
                return ByteBuffer.allocate(26).putInt(1).putInt(id).putInt(1200).putInt(5).putInt(6)
                        .put(new byte[] {10, 1, 2, 3, 0x1a, (byte) 0xe1}).array();
            case UdpTrackerPacket.ACTION_SCRAPE:
                int hashes = (packet.data().length - 16) / 20;
                ByteBuffer answer = ByteBuffer.allocate(8 + 12 * hashes).putInt(2).putInt(id);
                for (int i = 0; i < hashes; i++) {
                    answer.putInt(1).putInt(2).putInt(3);
                }
                return answer.array();
            default:
                return ByteBuffer.allocate(13).putInt(3).putInt(id).put("what?".getBytes()).array();
        }
    }

    static byte[] error(Received packet, String message) {
        byte[] text = message.getBytes();
        return ByteBuffer.allocate(8 + text.length).putInt(3).putInt(packet.transactionId()).put(text).array();
    }

    private void serve() {
        byte[] buffer = new byte[2048];
        try {
            socket.setSoTimeout(100);
        } catch (SocketException e) {
            return;
        }
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException idle) {
                continue;
            } catch (IOException closed) {
                return;
            }
            Received request = new Received(Arrays.copyOf(packet.getData(), packet.getLength()), System.nanoTime());
            int index = received.size();
            received.add(request);
            for (byte[] reply : handler.apply(request, index)) {
                try {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5000);
    }
}
