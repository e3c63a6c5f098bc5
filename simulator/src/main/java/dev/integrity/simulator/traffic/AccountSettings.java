package dev.integrity.simulator.traffic;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Apps;
import dev.integrity.simulator.model.Archetype;

/**
 * Settings changes early in the window: authorising the account's app (every scheduler user, half
 * of the buyers and ring members; the others did it before the window), a few genuine users
 * authorising an app they never engage through, and the odd password change.
 */
final class AccountSettings implements Behaviour {

    @Override
    public void init(Actor actor, TrafficContext context) {
        Archetype archetype = actor.account.archetype();
        double authorise = switch (archetype) {
            case SCHEDULER_USER -> 1.0;
            case FOLLOWER_BUYER, PERSISTENT, COMPLIER, F4F_RING -> 0.5;
            default -> 0.02;
        };
        if (actor.random.nextDouble() < authorise) {
            actor.authorisedApp = actor.account.app() != null ? actor.account.app()
                    : Apps.HARMLESS.get(actor.random.nextInt(Apps.HARMLESS.size()));
        }
        actor.changesPassword = !archetype.inauthentic() && actor.random.nextDouble() < 0.005;
        long window = context.window().endMs() - context.window().startMs();
        actor.settingsAt = context.window().startMs() + 1 + (long) (actor.random.nextDouble() * Math.min(window - 1, 20 * 60_000L));
    }

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        if (actor.settingsAt < from || actor.settingsAt >= to) {
            return;
        }
        String app = actor.account.clientApp();
        if (actor.changesPassword) {
            actor.draft(actor.settingsAt, EventType.PASSWORD_CHANGED).via(app, actor.homeIp, actor.device).schedule();
        }
        if (actor.authorisedApp != null) {
            actor.draft(actor.settingsAt + 1, EventType.APP_AUTHORIZED).via(app, actor.homeIp, actor.device)
                    .appId(actor.authorisedApp).schedule();
        }
    }
}
