package dev.integrity.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --accounts N}: the population's size, for the simulator's run and the benchmark, each with its own default. */
public final class AccountsOption {

    @Option(names = "--accounts", paramLabel = "N", description = "accounts in the population (default: ${DEFAULT-VALUE})")
    int accounts;

    /** @param byDefault the size when {@code --accounts} is not given */
    public AccountsOption(int byDefault) {
        this.accounts = byDefault;
    }

    /** The size, or a bad-option error outside 10 .. 5,000,000. */
    public int get(CommandLine commandLine) {
        if (accounts < 10 || accounts > 5_000_000) {
            throw new CommandLine.ParameterException(commandLine, "--accounts must be between 10 and 5000000, not " + accounts);
        }
        return accounts;
    }
}
