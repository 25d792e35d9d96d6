package org.swarmport.tracker.ws;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Hands the client address {@link ClientAddressFilter} found to the session being opened:
 * the configuration given here is the new connection's own (Jakarta WebSocket 2.1), and its
 * user properties become the session's.
 */
public class WsHandshake extends ServerEndpointConfig.Configurator {

    static final String CLIENT_ADDRESS = "org.swarmport.tracker.ws.clientAddress";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        String address = ClientAddressFilter.CURRENT.get();
        if (address != null) {
            config.getUserProperties().put(CLIENT_ADDRESS, address);
        }
    }
}
