package org.swarmport.portal.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * The tracker's categories, asked once: they are Torznab's fixed list, so one answer serves
 * every page until the war is redeployed. Not kept when the tracker did not answer, so the
 * next page asks again.
 */
@ApplicationScoped
public class CategoryNames {

    @Inject
    TrackerClient tracker;

    private volatile List<Category> categories;

    /** In id order; empty while the tracker cannot be reached. */
    public List<Category> all() {
        List<Category> known = categories;
        if (known == null) {
            try {
                known = tracker.categories();
                categories = known;
            } catch (TrackerUnavailableException e) {
                return List.of();
            }
        }
        return known;
    }

    /** The category a parameter names, by Torznab id or by name in any case, as the tracker reads it. */
    public Optional<Category> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        String given = idOrName.strip();
        return all().stream()
                .filter(c -> given.equals(Integer.toString(c.id())) || given.equalsIgnoreCase(c.name()))
                .findFirst();
    }
}
