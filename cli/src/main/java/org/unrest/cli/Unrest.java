package org.unrest.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unrest}: the command-line front end. Each subcommand is a thin layer over the service layer. */
@Command(name = "unrest", mixinStandardHelpOptions = true, versionProvider = Unrest.Version.class,
        description = "Turns news reports about protests and uprisings into a sourced, geocoded event dataset.",
        subcommands = {IngestCommand.class, ExportCommand.class, EvaluateCommand.class, ServeCommand.class,
                DemoCommand.class, PlacesCommand.class, DatesCommand.class, GazetteerCommand.class,
                EvaluatePlacesCommand.class, BenchCommand.class, UserCommand.class, TrainCommand.class,
                PublishersCommand.class, EvaluateTypesCommand.class, TrainTypesCommand.class,
                CommandLine.HelpCommand.class})
public final class Unrest implements Runnable {
    /** Exit codes: 0 all went well, 1 some input failed, 2 usage error, 3 an error stopped the command. */
    public static final int INPUT_FAILED = 1;
    public static final int FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given output streams and returns its exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Unrest());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("unrest " + cmd.getCommandName() + ": " + message(ex));
            if (Boolean.getBoolean("unrest.trace")) {
                ex.printStackTrace(cmd.getErr());
            }
            return FAILED;
        });
        return cl.execute(args);
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Unrest.class.getPackage().getImplementationVersion();
            return new String[] {"unrest " + (v == null ? "development build" : v)};
        }
    }
}
