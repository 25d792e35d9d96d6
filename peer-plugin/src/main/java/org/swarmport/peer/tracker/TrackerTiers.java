package org.swarmport.peer.tracker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * A torrent's trackers in BEP 12 order: tiers tried first to last, the trackers of a tier in
 * an order shuffled once when the torrent is loaded; a tracker that answers moves to the front
 * of its tier, so that it is asked first next time. Thread-safe.
 */
public final class TrackerTiers {

    /** One try at one tracker. */
    @FunctionalInterface
    public interface Attempt<T> {
        T at(String url) throws TrackerException, InterruptedException;
    }

    private final List<List<String>> tiers;

    /** {@code tiers} as in the metainfo (each URL once; empty tiers dropped), shuffled with {@code random}. */
    public TrackerTiers(List<List<String>> tiers, Random random) {
        List<List<String>> shuffled = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (List<String> tier : tiers) {
            List<String> copy = new ArrayList<>();
            for (String url : tier) {
                if (seen.add(url)) {
                    copy.add(url);
                }
            }
            if (!copy.isEmpty()) {
                Collections.shuffle(copy, random);
                shuffled.add(copy);
            }
        }
        this.tiers = shuffled;
    }

    /** The current order, a snapshot. */
    public synchronized List<List<String>> tiers() {
        List<List<String>> copy = new ArrayList<>();
        tiers.forEach(tier -> copy.add(List.copyOf(tier)));
        return List.copyOf(copy);
    }

    public synchronized boolean isEmpty() {
        return tiers.isEmpty();
    }

    /** Moves {@code url} to the front of its tier (BEP 12); nothing happens for an unknown URL. */
    public synchronized void promote(String url) {
        for (List<String> tier : tiers) {
            if (tier.remove(url)) {
                tier.add(0, url);
                return;
            }
        }
    }

    /**
     * Tries the trackers in order until one answers, promotes it, and returns its answer.
     *
     * @throws TrackerException the last tracker's failure when every tracker failed
     */
    public <T> T firstAnswer(Attempt<T> attempt) throws TrackerException, InterruptedException {
        TrackerException last = null;
        for (List<String> tier : tiers()) {
            for (String url : tier) {
                try {
                    T answer = attempt.at(url);
                    promote(url);
                    return answer;
                } catch (TrackerException e) {
                    last = e;
                }
            }
        }
        if (last == null) {
            throw TrackerException.failed("no tracker to ask");
        }
        throw last;
    }
}
