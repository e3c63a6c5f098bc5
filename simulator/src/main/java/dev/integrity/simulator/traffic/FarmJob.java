package dev.integrity.simulator.traffic;

/**
 * One job of a bot farm: its accounts engage with {@code target} within minutes of {@code start}.
 *
 * @param paid    a customer's order: every member follows (that is what the customer paid for)
 * @param follow  members follow the target
 * @param likes   likes of the target's recent posts each member gives
 */
record FarmJob(long id, int farm, int target, long start, boolean paid, boolean follow, int likes) {
}
