package org.swarmport.peer.metainfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BValue;

/**
 * BEP 47's extended file attributes of one file dictionary: {@code attr} ({@code p} padding,
 * {@code x} executable, {@code h} hidden, {@code l} symlink; other letters are ignored, as
 * BEP 47 says) and, for a symlink, its {@code symlink path}.
 */
record FileAttributes(boolean padding, boolean executable, boolean hidden, Optional<List<String>> symlinkPath) {

    /** BitComet's pad files predate BEP 47 and are marked by name only; libtorrent honours that too. */
    private static final String BITCOMET_PAD_PREFIX = "_____padding_file_";

    static FileAttributes read(BDictionary file, String field) throws MetainfoException {
        BValue attr = file.get("attr");
        String letters = attr == null ? "" : Fields.text(attr, field + ".attr");
        boolean symlink = letters.indexOf('l') >= 0;
        Optional<List<String>> target = Optional.empty();
        if (symlink) {
            BList path = Fields.list(Fields.required(file, "symlink path", field + ".symlink path"), field + ".symlink path");
            target = Optional.of(components(path, field + ".symlink path"));
        }
        return new FileAttributes(letters.indexOf('p') >= 0, letters.indexOf('x') >= 0, letters.indexOf('h') >= 0, target);
    }

    /** The components of a path list, each UTF-8; {@link FilePath#parse} checks they are safe. */
    static List<String> components(BList path, String field) throws MetainfoException {
        if (path.isEmpty()) {
            throw new MetainfoException(field, "is empty");
        }
        List<String> components = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            components.add(Fields.text(path.get(i), field + "[" + i + "]"));
        }
        return components;
    }

    /**
     * The symlink's target, which BEP 47 makes relative to the torrent's root: under
     * {@code rootDirectory} (the torrent's name) for a multi-file torrent, null for a single file.
     */
    Optional<FilePath> symlinkTarget(String rootDirectory, String field) throws MetainfoException {
        if (symlinkPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> target = new ArrayList<>();
        if (rootDirectory != null) {
            target.add(rootDirectory);
        }
        target.addAll(symlinkPath.get());
        return Optional.of(FilePath.parse(target, field + ".symlink path"));
    }

    static boolean isBitCometPad(List<String> path) {
        return path.get(path.size() - 1).startsWith(BITCOMET_PAD_PREFIX);
    }
}
