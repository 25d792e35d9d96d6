package org.swarmport.portal.upload;

import java.util.Optional;
import java.util.Set;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.browse.CategoryNames;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.TorrentDetails;
import org.swarmport.portal.tracker.TrackerRefusedException;

/**
 * The labels both forms edit (title, category, tags, description), held as typed: a form that
 * has problems shows what was typed again, beside them.
 */
public class TorrentFields {

    /** The fields a tracker's refusal may name, with the same ids in both forms. */
    private static final Set<String> FIELDS = Set.of("title", "category", "tags", "description");

    private String title;
    private String category;
    private String tags;
    private String description;

    /** The form filled with a torrent as it is now. */
    static TorrentFields of(TorrentDetails torrent) {
        TorrentFields fields = new TorrentFields();
        fields.title = torrent.title();
        fields.category = torrent.category() == null ? null : Integer.toString(torrent.category().id());
        fields.tags = String.join(", ", torrent.tags());
        fields.description = torrent.description();
        return fields;
    }

    /** Puts every problem beside its field; answers the category when there is none. */
    Optional<Category> check(FieldErrors errors, CategoryNames categories) {
        errors.check("title", TorrentFormRules.titleProblem(title))
                .check("tags", TorrentFormRules.tagsProblem(tags))
                .check("description", TorrentFormRules.descriptionProblem(description));
        Optional<Category> chosen = categories.find(category);
        if (category == null || category.isBlank()) {
            errors.add("category", "Choose a category.");
        } else if (chosen.isEmpty()) {
            errors.add("category", "Choose one of the listed categories.");
        }
        return errors.any() ? Optional.empty() : chosen;
    }

    /** Shows the tracker's refusal beside the field it names, or above the form. */
    static void show(TrackerRefusedException refused, FieldErrors errors, String fileField) {
        String field = refused.field();
        if (FIELDS.contains(field)) {
            errors.add(field, "The tracker refused this: " + refused.defect());
        } else if (fileField != null && (refused.status() == 413 || "torrent".equals(field) || "metainfo".equals(field))) {
            errors.add(fileField, "The tracker refused this file: " + refused.defect());
        } else {
            errors.addToForm("The tracker refused this: " + refused.getMessage());
        }
    }

    String storedTitle() {
        return TorrentFormRules.title(title);
    }

    java.util.List<String> storedTags() {
        return TorrentFormRules.tags(tags);
    }

    String storedDescription() {
        return TorrentFormRules.description(description);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
