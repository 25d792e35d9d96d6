package org.swarmport.tracker.ws;

/**
 * Where messages for one browser peer go: its WebSocket in the server, a list in tests.
 * Sending never blocks and never throws; a socket that cannot keep up is closed by its owner.
 */
interface BrowserSocket {

    void send(String message);
}
