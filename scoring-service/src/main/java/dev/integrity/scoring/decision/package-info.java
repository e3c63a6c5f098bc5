/**
 * The decision kernel: every rule that decides what happens to an account, as pure functions of
 * their inputs (state, features, explicit instants and settings). No framework, no I/O, no clock:
 * the adapters in {@code service}, {@code repository} and {@code messaging} read what a rule needs,
 * call it, and write what it answers. Each rule has a table-driven specification beside it in the
 * tests ({@code dev.integrity.scoring.decision.*Spec}), which runs in seconds with no server.
 * <ul>
 * <li>{@link dev.integrity.scoring.decision.FeatureDerivation}: raw per-account counters to features</li>
 * <li>{@link dev.integrity.scoring.decision.Policy}: evidence, status and proposals</li>
 * <li>{@link dev.integrity.scoring.decision.StrikeLadder}: strikes, warnings, resolution, blocks</li>
 * <li>{@link dev.integrity.scoring.decision.Lifecycle}: the enforcement's allowed moves</li>
 * <li>{@link dev.integrity.scoring.decision.GuardRules}: the blast-radius bounds and the breaker</li>
 * <li>{@link dev.integrity.scoring.decision.LockstepRules}: who acts in lockstep with whom</li>
 * </ul>
 */
package dev.integrity.scoring.decision;
