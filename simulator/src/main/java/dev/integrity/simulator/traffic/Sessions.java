package dev.integrity.simulator.traffic;

import static dev.integrity.simulator.model.Distributions.between;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Distributions;
import java.util.SplittableRandom;

/** A person in the first-party apps: sessions of likes, follows, comments and posts, following the daily rhythm. */
record Sessions(SessionStyle style) implements Behaviour {

    @Override
    public void init(Actor actor, TrafficContext context) {
        SplittableRandom r = actor.random;
        actor.sessionsPerHour = between(r, style.minSessionsPerHour(), style.maxSessionsPerHour());
        actor.circleSize = between(r, style.minCircle(), style.maxCircle());
        actor.favourites = context.targets().favourites(actor, r);
    }

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        SplittableRandom r = actor.random;
        double hours = (to - from) / 3_600_000.0;
        double mean = actor.sessionsPerHour * hours * Rhythm.at((from + to) / 2, actor.account.utcOffsetHours());
        for (int s = Distributions.poisson(r, mean); s > 0; s--) {
            session(actor, from + (long) (r.nextDouble() * (to - from)), context);
        }
    }

    private void session(Actor actor, long start, TrafficContext context) {
        SplittableRandom r = actor.random;
        boolean web = r.nextDouble() < 0.15;
        String app = web ? "official-web" : actor.account.clientApp();
        String clientApp = r.nextDouble() < 0.08 ? null : app; // absent means first-party too
        String device = web ? actor.secondDevice : actor.device;
        String ip = web || r.nextDouble() < 0.6 ? actor.homeIp : actor.mobileIp;
        long t = start;
        if (r.nextDouble() < style.loginChance()) {
            actor.draft(t, EventType.LOGIN).via(clientApp, ip, device).schedule();
        }
        int actions = between(r, style.minActions(), style.maxActions());
        for (int i = 0; i < actions; i++) {
            t += (long) (between(r, style.minGapSeconds(), style.maxGapSeconds()) * 1000);
            act(actor, t, clientApp, ip, device, context);
        }
    }

    private void act(Actor actor, long t, String clientApp, String ip, String device, TrafficContext context) {
        SplittableRandom r = actor.random;
        TargetPicker targets = context.targets();
        double x = r.nextDouble() * style.totalWeight();
        if ((x -= style.like()) < 0) {
            int target = targets.forPerson(actor, r);
            String media = targets.mediaOf(target, r);
            if (media != null) {
                String targetId = targets.account(target).id();
                actor.draft(t, EventType.LIKE).via(clientApp, ip, device).target(targetId).media(media).schedule();
                actor.rememberLike(targetId, media, t);
            }
        } else if ((x -= style.follow()) < 0) {
            int target = targets.forPerson(actor, r);
            if (!actor.follows(target)) {
                actor.draft(t, EventType.FOLLOW).via(clientApp, ip, device).target(targets.account(target).id()).schedule();
                actor.rememberFollow(target, t);
            }
        } else if ((x -= style.comment()) < 0) {
            int target = targets.forPerson(actor, r);
            String media = targets.mediaOf(target, r);
            if (media != null) {
                actor.draft(t, EventType.COMMENT).via(clientApp, ip, device).target(targets.account(target).id()).media(media)
                        .text(Texts.genuine(r)).schedule();
            }
        } else if ((x -= style.unlike()) < 0) {
            Actor.Like like = actor.forgetLikeBefore(t);
            if (like != null) {
                actor.draft(t, EventType.UNLIKE).via(clientApp, ip, device).target(like.target()).media(like.media()).schedule();
            }
        } else if ((x -= style.unfollow()) < 0) {
            int target = actor.forgetSomeFollow(t);
            if (target >= 0) {
                actor.draft(t, EventType.UNFOLLOW).via(clientApp, ip, device).target(targets.account(target).id()).schedule();
            }
        } else {
            actor.draft(t, EventType.MEDIA_POSTED).via(clientApp, ip, device).media(actor.newMediaId()).schedule();
        }
    }
}
