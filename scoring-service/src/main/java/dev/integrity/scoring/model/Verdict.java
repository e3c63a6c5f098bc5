package dev.integrity.scoring.model;

/** The policy's conclusion for one account after a batch: its new state, and a proposal if one is due. */
public record Verdict(AccountState state, Proposal proposal) {
}
