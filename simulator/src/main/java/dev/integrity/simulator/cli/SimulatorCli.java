package dev.integrity.simulator.cli;

import dev.integrity.model.cli.CliMain;
import dev.integrity.model.cli.CliRunner;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import picocli.CommandLine.Command;

/**
 * The simulator's command line: {@code run} (what {@code ./suite simulate} calls) and {@code evaluate-run}.
 * Any error prints one line on stderr and exits with 2 ({@link CliRunner}); a run whose events the gateway
 * rejected exits with 1 after printing them.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = CliRunner.Version.class,
        description = "Generates a labelled population and its traffic, sends it through the gateway, and evaluates what the suite "
                + "made of it.",
        subcommands = {RunCommand.class, EvaluateRunCommand.class})
public final class SimulatorCli extends CliMain {

    /** Exit code: the gateway rejected events, each one a bug. */
    public static final int REJECTED = 1;

    public static void main(String[] args) {
        CliRunner.main(new SimulatorCli(), args);
    }

    @Override
    protected String describe(Throwable e) {
        return describeFailure(e);
    }

    /** {@link CliRunner#describe}, and a gateway that does not answer says the suite may be down. */
    public static String describeFailure(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof ConnectException) {
            return "cannot connect to the gateway (" + cause.getClass().getSimpleName() + "); is the suite up? (./suite up)";
        }
        return CliRunner.describe(e);
    }
}
