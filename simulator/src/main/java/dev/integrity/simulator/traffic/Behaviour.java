package dev.integrity.simulator.traffic;

/**
 * One way an account acts. {@link #plan} plans what starts in [from, to) (an action may be planned
 * for later, e.g. the rest of a session); the generator emits drafts in time order slice by slice.
 * Behaviours are stateless: whatever they remember lives in the {@link Actor}.
 */
interface Behaviour {

    /** Draws the account's settings for this behaviour, once. */
    default void init(Actor actor, TrafficContext context) {
    }

    void plan(Actor actor, long from, long to, TrafficContext context);
}
