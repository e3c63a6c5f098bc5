package dev.integrity.contract.enforcement;

/**
 * What an enforcement does to the account: remove its inauthentic engagement and warn it (strikes 1
 * and 2, the second being the final warning), or, at strike 3, also block it.
 */
public enum EnforcementAction {
    REMOVE_AND_WARN, BLOCK;

    public static final int FINAL_WARNING_STRIKE = 2;
    public static final int BLOCK_STRIKE = 3;

    /** The action the given strike (1-based) calls for; past the block it stays a block. */
    public static EnforcementAction forStrike(int strike) {
        if (strike < 1) {
            throw new IllegalArgumentException("a strike is 1 or more, not " + strike);
        }
        return strike >= BLOCK_STRIKE ? BLOCK : REMOVE_AND_WARN;
    }
}
