package dev.integrity.simulator.traffic;

import static dev.integrity.simulator.model.Distributions.between;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Addresses;
import dev.integrity.simulator.model.Distributions;
import dev.integrity.simulator.model.Ring;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A third-party app engaging on the account's behalf, around the clock, from the app's servers.
 * Follower-selling apps follow and like hundreds of strangers a day (40-100 actions an hour) and
 * unfollow a third of them a few hours later; auto-follow apps of follow-for-follow rings follow
 * and like ring-mates first, then strangers (25-60 an hour), unfollowing half of the strangers.
 * Half of the apps pace their actions almost regularly, the others at random.
 */
record Automation(Kind kind) implements Behaviour {

    enum Kind {
        FOLLOWER_APP(40, 100, 0.3),
        AUTO_FOLLOW(25, 60, 0.5);

        final double minPerHour;
        final double maxPerHour;
        final double unfollowShare;

        Kind(double minPerHour, double maxPerHour, double unfollowShare) {
            this.minPerHour = minPerHour;
            this.maxPerHour = maxPerHour;
            this.unfollowShare = unfollowShare;
        }
    }

    @Override
    public void init(Actor actor, TrafficContext context) {
        SplittableRandom r = actor.random;
        actor.automationPerHour = between(r, kind.minPerHour, kind.maxPerHour);
        actor.automationCv = r.nextBoolean() ? between(r, 0.03, 0.2) : 0;
        actor.nextAutomationAt = context.window().startMs() + 1 + (long) (r.nextDouble() * meanGapMs(actor));
    }

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        while (actor.nextAutomationAt < to) {
            long at = Math.max(from, actor.nextAutomationAt);
            if (kind == Kind.FOLLOWER_APP) {
                sell(actor, at, context);
            } else {
                ring(actor, at, context);
            }
            actor.nextAutomationAt = at + gapMs(actor);
        }
    }

    private static double meanGapMs(Actor actor) {
        return 3_600_000.0 / actor.automationPerHour;
    }

    private static long gapMs(Actor actor) {
        double mean = meanGapMs(actor);
        double gap = actor.automationCv > 0 ? mean * Math.max(0.2, 1 + actor.automationCv * actor.random.nextGaussian())
                : Distributions.exponential(actor.random, mean);
        return Math.max(500, (long) gap);
    }

    private void sell(Actor actor, long at, TrafficContext context) {
        SplittableRandom r = actor.random;
        TargetPicker targets = context.targets();
        int target = r.nextBoolean() ? targets.popular(r) : targets.anyone(r);
        if (target == actor.index()) {
            return;
        }
        double x = r.nextDouble();
        String media = x < 0.6 ? null : targets.mediaOf(target, r);
        if (media == null) {
            follow(actor, at, target, context);
        } else if (x < 0.96) {
            engage(actor, at, EventType.LIKE, target, media, null, context);
        } else {
            engage(actor, at, EventType.COMMENT, target, media, Texts.spam(r), context);
        }
    }

    private void ring(Actor actor, long at, TrafficContext context) {
        SplittableRandom r = actor.random;
        TargetPicker targets = context.targets();
        Ring ring = context.population().ringOf(actor.account);
        List<Integer> mates = ring.members();
        int mate = mates.get(r.nextInt(mates.size()));
        double x = r.nextDouble();
        if (x < 0.35 && mate != actor.index() && !actor.follows(mate)) {
            follow(actor, at, mate, context); // ring-mates are kept
            return;
        }
        if (x < 0.7 || mate == actor.index()) {
            int stranger = r.nextDouble() < 0.3 ? targets.popular(r) : targets.anyone(r);
            if (stranger != actor.index() && !mates.contains(stranger)) {
                follow(actor, at, stranger, context);
            }
            return;
        }
        String media = targets.mediaOf(mate, r);
        if (media != null) {
            boolean comment = x > 0.95;
            engage(actor, at, comment ? EventType.COMMENT : EventType.LIKE, mate, media, comment ? Texts.ring(r) : null, context);
        }
    }

    private void follow(Actor actor, long at, int target, TrafficContext context) {
        if (actor.follows(target)) {
            return;
        }
        String app = actor.account.app();
        String ip = Addresses.appServer(app, actor.index());
        String targetId = context.targets().account(target).id();
        actor.draft(at, EventType.FOLLOW).via(app, ip, null).target(targetId).schedule();
        actor.rememberFollow(target, at);
        boolean mate = kind == Kind.AUTO_FOLLOW && context.population().ringOf(actor.account).members().contains(target);
        if (!mate && actor.random.nextDouble() < kind.unfollowShare) {
            long later = at + (long) between(actor.random, 3_600_000.0, 3 * 3_600_000.0);
            actor.draft(later, EventType.UNFOLLOW).via(app, ip, null).target(targetId).schedule();
            actor.unfollowPlanned(target);
        }
    }

    private void engage(Actor actor, long at, EventType type, int target, String media, String text, TrafficContext context) {
        String app = actor.account.app();
        Draft.Builder draft = actor.draft(at, type).via(app, Addresses.appServer(app, actor.index()), null)
                .target(context.targets().account(target).id()).media(media);
        if (text != null) {
            draft.text(text);
        }
        draft.schedule();
    }
}
