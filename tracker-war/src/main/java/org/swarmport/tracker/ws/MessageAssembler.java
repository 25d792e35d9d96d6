package org.swarmport.tracker.ws;

/**
 * Puts one socket's text message together from the parts the container delivers, refusing
 * to hold more than a limit: the tracker, not the container, decides what is too long, and
 * says so in its close reason (1009). One per socket; a socket's parts arrive one at a time.
 */
final class MessageAssembler {

    private final int maxChars;
    private final StringBuilder message = new StringBuilder();

    MessageAssembler(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * @return the whole message when {@code last}, else null
     * @throws WsRequestException when the message grows past the limit; the socket must close
     */
    String add(String part, boolean last) {
        if (message.length() + part.length() > maxChars) {
            message.setLength(0);
            message.trimToSize();
            throw new WsRequestException("message too big: at most " + maxChars + " characters");
        }
        if (last && message.length() == 0) {
            return part;
        }
        message.append(part);
        if (!last) {
            return null;
        }
        String whole = message.toString();
        message.setLength(0);
        return whole;
    }
}
