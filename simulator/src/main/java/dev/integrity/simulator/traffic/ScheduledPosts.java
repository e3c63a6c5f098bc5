package dev.integrity.simulator.traffic;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Addresses;

/**
 * Posts published by a scheduling app at fixed times (every 2 or 3 hours, on the hour or the half
 * hour), from the app's servers. Authorising such an app, and posting through it, is fine.
 */
final class ScheduledPosts implements Behaviour {

    @Override
    public void init(Actor actor, TrafficContext context) {
        actor.scheduleEveryMs = (2 + actor.random.nextInt(2)) * 3_600_000L;
        actor.scheduleOffsetMs = actor.random.nextBoolean() ? 0 : 30 * 60_000L;
    }

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        String app = actor.account.app();
        long first = Math.floorDiv(from - actor.scheduleOffsetMs, actor.scheduleEveryMs) * actor.scheduleEveryMs
                + actor.scheduleOffsetMs;
        for (long slot = first; slot < to; slot += actor.scheduleEveryMs) {
            if (slot >= from) {
                long at = slot + actor.random.nextInt(20_000);
                actor.draft(at, EventType.MEDIA_POSTED).via(app, Addresses.appServer(app, actor.index()), null)
                        .media(actor.newMediaId()).schedule();
            }
        }
    }
}
