package org.swarmport.peer.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.swarmport.peer.metainfo.Metainfo;

/**
 * Where torrents' bytes can live: the extension point through which an embedding program puts
 * them somewhere other than plain files (an object store, a database, memory). Providers are
 * found with {@link ServiceLoader} ({@code META-INF/services/org.swarmport.peer.storage.StorageProvider});
 * {@value #DEFAULT} (files under a download directory) is the default, and {@code memory} keeps
 * everything in the heap, for tests and short-lived seeds.
 */
public interface StorageProvider {

    /** The name of the file-system provider. */
    String DEFAULT = "file";

    /** A short name users select the provider by, such as {@code file}. */
    String name();

    /**
     * Opens the store for one torrent.
     *
     * @param metainfo     the torrent
     * @param directory    the download directory its paths are relative to
     * @param maxOpenFiles at most this many files held open at once
     */
    ContentStore open(Metainfo metainfo, Path directory, int maxOpenFiles) throws StorageException;

    /** Every provider on the class path, the default first. */
    static List<StorageProvider> available() {
        List<StorageProvider> providers = new ArrayList<>();
        for (StorageProvider provider : ServiceLoader.load(StorageProvider.class, StorageProvider.class.getClassLoader())) {
            if (provider.name().equals(DEFAULT)) {
                providers.add(0, provider);
            } else {
                providers.add(provider);
            }
        }
        return providers;
    }

    /**
     * The provider called {@code name}.
     *
     * @throws IllegalArgumentException naming the providers there are, when none is called so
     */
    static StorageProvider named(String name) {
        List<String> names = new ArrayList<>();
        for (StorageProvider provider : available()) {
            if (provider.name().equals(name)) {
                return provider;
            }
            names.add(provider.name());
        }
        throw new IllegalArgumentException("no storage provider '" + name + "'; there are " + names);
    }
}
