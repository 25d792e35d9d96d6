package org.swarmport.tracker.ws;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ws://host:8080/tracker/ws}: the WebTorrent tracker, as webtorrent's
 * bittorrent-tracker client speaks it. A thin shell: limits on connections and messages
 * here, everything else in {@link WsTracker}.
 */
@ServerEndpoint(value = "/ws", configurator = WsHandshake.class)
public class WsTrackerEndpoint {

    private static final Logger LOG = Logger.getLogger(WsTrackerEndpoint.class.getName());
    private static final String CONNECTION = WsConnection.class.getName();

    @Inject
    BrowserPeers peers;

    @OnOpen
    public void open(Session session) throws IOException {
        WsLimits limits = WsLimits.DEFAULT;
        Object address = session.getUserProperties().get(WsHandshake.CLIENT_ADDRESS);
        if (!(address instanceof String client)) {
            session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "client address unknown"));
            return;
        }
        if (!peers.connections().tryOpen(client)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "too many connections from your address: at most " + limits.maxConnectionsPerAddress()));
            return;
        }
        session.setMaxIdleTimeout(limits.idleTimeout().toMillis());
        session.getUserProperties().put(CONNECTION, new Admitted(client,
                new WsConnection(new SessionSocket(session, limits.maxPendingSends())),
                new MessageAssembler(limits.maxMessageChars())));
    }

    /** In parts, so that the tracker bounds what it holds of a message however it is framed. */
    @OnMessage
    public void message(Session session, String part, boolean last) throws IOException {
        if (!(session.getUserProperties().get(CONNECTION) instanceof Admitted admitted)) {
            return;
        }
        String text;
        try {
            text = admitted.message().add(part, last);
        } catch (WsRequestException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, e.getMessage()));
            return;
        }
        if (text != null) {
            peers.tracker().onMessage(admitted.connection(), text);
        }
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserProperties().remove(CONNECTION) instanceof Admitted admitted) {
            peers.tracker().onClose(admitted.connection());
            peers.connections().close(admitted.address());
        }
    }

    /** A broken connection, a frame the container refuses: the socket closes, and {@link #close} cleans up. */
    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket tracker connection error", error);
    }

    /** A socket counted against its address, with the tracker's view of it and its message so far. */
    private record Admitted(String address, WsConnection connection, MessageAssembler message) {
    }

    /**
     * Sends without blocking the sender's thread; a reader so slow that {@code maxPending}
     * messages wait for it is closed, rather than letting the server buffer for it.
     */
    private static final class SessionSocket implements BrowserSocket {

        private final Session session;
        private final int maxPending;
        private final AtomicInteger pending = new AtomicInteger();

        SessionSocket(Session session, int maxPending) {
            this.session = session;
            this.maxPending = maxPending;
        }

        @Override
        public void send(String message) {
            if (!session.isOpen()) {
                return;
            }
            if (pending.incrementAndGet() > maxPending) {
                pending.decrementAndGet();
                closeQuietly(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not reading its messages"));
                return;
            }
            try {
                session.getAsyncRemote().sendText(message, this::sent);
            } catch (RuntimeException e) {
                pending.decrementAndGet();
                LOG.log(Level.FINE, "WebSocket send refused", e);
                closeQuietly(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
            }
        }

        private void sent(SendResult result) {
            pending.decrementAndGet();
            if (!result.isOK()) {
                LOG.log(Level.FINE, "WebSocket send failed", result.getException());
                closeQuietly(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
            }
        }

        private void closeQuietly(CloseReason reason) {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "WebSocket close failed", e);
            }
        }
    }
}
