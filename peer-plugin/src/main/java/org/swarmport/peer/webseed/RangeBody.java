package org.swarmport.peer.webseed;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives the body of one range answer straight into its slot of the caller's buffer, and
 * never more: a server that sends a byte beyond the range, or ends before it, fails the
 * request. So the memory a web seed can make us use is what we asked for.
 */
final class RangeBody implements HttpResponse.BodySubscriber<Void> {

    private final FileRange range;
    private final byte[] buffer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private int received;

    private RangeBody(FileRange range, byte[] buffer, WebSeedException refused) {
        this.range = range;
        this.buffer = buffer;
        if (refused != null) {
            done.completeExceptionally(refused);
        }
    }

    /** A body for an answer whose headers were right. */
    static RangeBody into(FileRange range, byte[] buffer) {
        return new RangeBody(range, buffer, null);
    }

    /** A body for an answer whose headers were wrong: nothing of it is read. */
    static RangeBody refused(FileRange range, WebSeedException reason) {
        return new RangeBody(range, null, reason);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (done.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int count = item.remaining();
            if (count > range.length() - received) {
                subscription.cancel();
                done.completeExceptionally(new WebSeedException(range.uri() + " " + range.rangeHeader()
                        + ": the server sent more than the " + range.length() + " bytes asked for"));
                return;
            }
            item.get(buffer, range.bufferOffset() + received, count);
            received += count;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (received != range.length()) {
            done.completeExceptionally(new WebSeedException(range.uri() + " " + range.rangeHeader()
                    + ": the answer ended after " + received + " of " + range.length() + " bytes"));
        } else {
            done.complete(null);
        }
    }
}
