package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.Metainfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code info}: what a .torrent holds: name, info-hashes, size, pieces, trackers, web seeds, its
 * magnet link (BEP 9) and the files as a tree; with {@code --json}, the same as one JSON object for scripts. Pad files
 * (BEP 47) are bookkeeping, not content, and are left out.
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show what a .torrent file holds.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TORRENT", description = "The .torrent file.")
    Path torrent;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws CommandFailure {
        Metainfo metainfo = TorrentArgument.read(torrent);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(asJson(metainfo)));
        } else {
            printText(metainfo, out);
        }
        return ExitStatus.OK;
    }

    static Map<String, Object> asJson(Metainfo metainfo) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", metainfo.name());
        object.put("metaVersion", metainfo.version().name().toLowerCase());
        object.put("infoHashV1", metainfo.infoHashV1().map(InfoHash::hex).orElse(null));
        object.put("infoHashV2", metainfo.infoHashV2().map(InfoHash::hex).orElse(null));
        object.put("totalLength", metainfo.totalLength());
        object.put("pieceLength", metainfo.pieceLength());
        object.put("pieceCount", metainfo.pieceCount());
        object.put("private", metainfo.isPrivate());
        object.put("comment", metainfo.comment().orElse(null));
        object.put("createdBy", metainfo.createdBy().orElse(null));
        object.put("creationDate", metainfo.creationDate().map(Object::toString).orElse(null));
        object.put("trackers", metainfo.trackerTiers());
        object.put("webSeeds", metainfo.webSeeds());
        object.put("magnet", MagnetLink.of(metainfo).toString());
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileEntry file : metainfo.contentFiles()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.path().components());
            entry.put("length", file.length());
            if (file.executable()) {
                entry.put("executable", true);
            }
            if (file.hidden()) {
                entry.put("hidden", true);
            }
            file.symlinkTarget().ifPresent(target -> entry.put("symlinkTarget", target.components()));
            files.add(entry);
        }
        object.put("files", files);
        return object;
    }

    private static void printText(Metainfo metainfo, PrintWriter out) {
        List<FileEntry> files = metainfo.contentFiles();
        row(out, "name", metainfo.name());
        metainfo.infoHashV1().ifPresent(hash -> row(out, "info-hash v1", hash.hex()));
        metainfo.infoHashV2().ifPresent(hash -> row(out, "info-hash v2", hash.hex()));
        row(out, "meta version", switch (metainfo.version()) {
            case V1 -> "v1 (BEP 3)";
            case V2 -> "v2 (BEP 52)";
            case HYBRID -> "hybrid v1 + v2 (BEP 52)";
        });
        row(out, "size", ByteSize.format(metainfo.totalLength()) + " (" + metainfo.totalLength() + " bytes) in "
                + files.size() + (files.size() == 1 ? " file" : " files"));
        row(out, "pieces", metainfo.pieceCount() + " x " + ByteSize.format(metainfo.pieceLength()));
        row(out, "private", metainfo.isPrivate() ? "yes (BEP 27)" : "no");
        metainfo.createdBy().ifPresent(by -> row(out, "created by", by));
        metainfo.creationDate().ifPresent(date -> row(out, "created on", date.toString()));
        metainfo.comment().ifPresent(comment -> row(out, "comment", comment));
        List<List<String>> tiers = metainfo.trackerTiers();
        if (tiers.isEmpty()) {
            row(out, "trackers", "none (trackerless: peers from DHT or PEX only)");
        }
        for (int i = 0; i < tiers.size(); i++) {
            row(out, i == 0 ? "trackers" : "", "tier " + (i + 1) + ": " + String.join(", ", tiers.get(i)));
        }
        for (int i = 0; i < metainfo.webSeeds().size(); i++) {
            row(out, i == 0 ? "web seeds" : "", metainfo.webSeeds().get(i));
        }
        row(out, "magnet", MagnetLink.of(metainfo).toString());
        out.println("files:");
        for (String line : FileTreeView.render(files)) {
            out.println("  " + line);
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-14s%s%n", label.isEmpty() ? "" : label + ":", value);
    }
}
