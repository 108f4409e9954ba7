package io.ballast.platform.cli;

import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.ConfigException;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.problem.ServiceUnavailableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ballast}: the one entry point of the jar; each subcommand is its own class. */
@Command(
        name = "ballast",
        mixinStandardHelpOptions = true,
        versionProvider = BallastVersion.class,
        description = "Ballast: a rule- and workflow-driven risk and portfolio platform.",
        subcommands = {ServeCommand.class, SampleDataCommand.class, OptimizeCommand.class, RiskCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class BallastCommand {

    /** Exit code for input the user can fix: a bad option, config key, rule or workflow file. */
    static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a part the command needs failed (a plugin that threw or ran late); nothing to fix in the input. */
    static final int EXIT_FAILED = 1;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // before the first logger exists: an analysis command's stdout is its result, so its log goes to stderr
            System.setProperty("ballast.log.target", "System.err");
        }
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 2 bad input (one line on stderr), 1 anything else. */
    public static int execute(String... args) {
        return execute(new CommandLine(new BallastCommand()), args);
    }

    /** {@link #execute(String...)} printing to {@code out} and {@code err} instead of the standard streams. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new BallastCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return execute(commandLine, args);
    }

    private static int execute(CommandLine commandLine, String... args) {
        // a mistyped option is bad input like any other: one line naming it, not the whole usage text
        commandLine.setParameterExceptionHandler((exception, parsedArgs) -> {
            exception.getCommandLine().getErr().println("ballast: " + exception.getMessage()
                    + " (see: " + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return EXIT_BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof ConfigException || exception instanceof StartupException
                    || exception instanceof InvalidInputException) {
                line.getErr().println("ballast: " + exception.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (exception instanceof ServiceUnavailableException) {
                line.getErr().println("ballast: " + exception.getMessage());
                return EXIT_FAILED;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
