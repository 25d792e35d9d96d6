package org.swarmport.tracker.ws;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** A browser's socket in tests: keeps what the tracker sends it, read back as JSON. */
final class RecordingSocket implements BrowserSocket {

    private final List<String> sent = new ArrayList<>();

    @Override
    public synchronized void send(String message) {
        sent.add(message);
    }

    synchronized List<JsonObject> messages() {
        return sent.stream().map(RecordingSocket::json).toList();
    }

    /** Everything sent so far, emptied. */
    synchronized List<JsonObject> take() {
        List<JsonObject> messages = messages();
        sent.clear();
        return messages;
    }

    static JsonObject json(String text) {
        return WsRequestParser.JSON.createReader(new StringReader(text)).readObject();
    }
}
