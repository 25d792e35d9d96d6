package org.swarmport.peer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code swarmport-peer} command line: {@code create}, {@code info}, {@code verify},
 * {@code download} and {@code seed}. Errors print one line naming the cause,
 * never a stack trace, and end with an {@link ExitStatus}. {@link #execute} runs it in-process,
 * which is how the tests drive it; {@link #main} is the jar's entry point.
 */
@Command(name = "swarmport-peer", mixinStandardHelpOptions = true, versionProvider = SwarmportPeer.Version.class,
        description = "Create, inspect, verify, download and seed torrents (BitTorrent v1, v2 and hybrid).",
        subcommands = {CreateCommand.class, InfoCommand.class, VerifyCommand.class, DownloadCommand.class,
            SeedCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:failed (missing or unreadable file, invalid torrent, disk or network error)",
            "2:wrong usage (unknown option, missing or bad argument)",
            "3:verify found content missing or not matching the torrent",
            "130:interrupted"})
public final class SwarmportPeer implements Callable<Integer> {

    static final String NAME = "swarmport-peer";

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        System.exit(execute(out, err, args));
    }

    /** Runs the command line with {@code out} and {@code err} as its output and answers the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SwarmportPeer());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            failed.getErr().flush();
            return ExitStatus.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            PrintWriter errors = failed.getErr();
            String prefix = failed.getCommandSpec().qualifiedName() + ": ";
            int status = ExitStatus.FAILURE;
            if (e instanceof CommandFailure failure) {
                errors.println(prefix + failure.getMessage());
                status = failure.exitStatus();
            } else if (e instanceof IOException) {
                errors.println(prefix + e.getMessage());
            } else {
                // A bug, not the user's fault: say what it was, still without a stack trace.
                errors.println(prefix + "internal error: " + e);
            }
            errors.flush();
            return status;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() throws CommandLine.ParameterException {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: create, info, verify, download or seed");
    }

    /** The version from the jar's manifest ({@code Implementation-Version}), "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SwarmportPeer.class.getPackage().getImplementationVersion();
            return new String[] {NAME + " " + (version == null ? "development" : version)};
        }
    }
}
