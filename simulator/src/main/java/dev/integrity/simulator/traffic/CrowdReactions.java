package dev.integrity.simulator.traffic;

import static dev.integrity.simulator.model.Distributions.between;
import static dev.integrity.simulator.model.Distributions.chance;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Crowd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A person in a crowd answering its moment, in the official app on the phone, at a person's pace:
 * <ul>
 * <li>flash crowd: likes the post everyone talks about (the famous account's newest), follows the
 * account, looks through and likes a few more of its posts, sometimes comments;</li>
 * <li>band: follows each member of the band in turn and likes a post or two of some;</li>
 * <li>giveaway: likes the giveaway post, comments tagging a friend (the usual entry rule), then
 * goes down the loop following the host and every sponsor.</li>
 * </ul>
 * The rest of the day the person is an ordinary user (the archetype's sessions).
 */
final class CrowdReactions implements Behaviour {

    @Override
    public void init(Actor actor, TrafficContext context) {
        actor.reactions = context.crowds().reactionsOf(actor.index());
    }

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        while (actor.reactionCursor < actor.reactions.size() && actor.reactions.get(actor.reactionCursor).at() < to) {
            CrowdSchedule.Reaction reaction = actor.reactions.get(actor.reactionCursor++);
            react(actor, reaction.crowd(), Math.max(from, reaction.at()), context);
        }
    }

    private static void react(Actor actor, Crowd crowd, long at, TrafficContext context) {
        SplittableRandom r = actor.random;
        Visit v = new Visit(actor, context, at, r.nextDouble() < 0.7 ? actor.mobileIp : actor.homeIp);
        if (r.nextDouble() < 0.3) {
            actor.draft(v.t, EventType.LOGIN).via(v.app, v.ip, actor.device).schedule(); // opened the app for it
        }
        switch (crowd.kind()) {
            case FLASH -> {
                int famous = crowd.focus();
                v.like(famous, newest(context, famous), 3, 15);
                v.follow(famous, 2, 10);
                for (int n = between(r, 0, 3); n > 0; n--) {
                    v.like(famous, context.targets().mediaOf(famous, r), 3, 20);
                }
                if (chance(r, 0.15)) {
                    v.comment(famous, newest(context, famous), Texts.fan(r), 10, 40);
                }
            }
            case BAND -> {
                List<Integer> band = new ArrayList<>(crowd.targets());
                Collections.shuffle(band, r);
                for (int member : band) {
                    v.follow(member, 4, 25);
                    for (int n = between(r, 0, 2); n > 0; n--) {
                        v.like(member, context.targets().mediaOf(member, r), 3, 12);
                    }
                }
            }
            case GIVEAWAY -> {
                int host = crowd.focus();
                String post = newest(context, host);
                v.like(host, post, 5, 20);
                if (chance(r, 0.7)) {
                    String friend = context.targets().account(context.targets().circle(actor, r)).profile().username();
                    v.comment(host, post, Texts.giveaway(r, friend), 10, 45);
                }
                for (int sponsor : crowd.targets()) {
                    v.follow(sponsor, 8, 40); // opens each profile from the post's list, reads it, follows
                }
            }
        }
    }

    /** The account's newest post: the one in the news, or the giveaway's announcement. */
    private static String newest(TrafficContext context, int target) {
        Account account = context.targets().account(target);
        long count = account.profile().mediaCount();
        return count == 0 ? null : account.id() + "-p" + (count - 1);
    }

    /** One sitting in the app: a clock that moves on at a person's pace, and what was liked in it. */
    private static final class Visit {
        private final Actor actor;
        private final TrafficContext context;
        private final String app;
        private final String ip;
        private final Set<String> liked = new HashSet<>();
        private long t;

        Visit(Actor actor, TrafficContext context, long start, String ip) {
            this.actor = actor;
            this.context = context;
            this.app = actor.account.clientApp();
            this.ip = ip;
            this.t = start;
        }

        private void pause(double minSeconds, double maxSeconds) {
            t += (long) (between(actor.random, minSeconds, maxSeconds) * 1000);
        }

        void like(int target, String media, double minSeconds, double maxSeconds) {
            if (media == null || !liked.add(media) || target == actor.index()) {
                return;
            }
            pause(minSeconds, maxSeconds);
            String targetId = context.targets().account(target).id();
            actor.draft(t, EventType.LIKE).via(app, ip, actor.device).target(targetId).media(media).schedule();
            actor.rememberLike(targetId, media, t);
        }

        void follow(int target, double minSeconds, double maxSeconds) {
            if (actor.follows(target) || target == actor.index()) {
                return;
            }
            pause(minSeconds, maxSeconds);
            actor.draft(t, EventType.FOLLOW).via(app, ip, actor.device).target(context.targets().account(target).id()).schedule();
            actor.rememberFollow(target, t);
        }

        void comment(int target, String media, String text, double minSeconds, double maxSeconds) {
            if (media == null || target == actor.index()) {
                return;
            }
            pause(minSeconds, maxSeconds);
            actor.draft(t, EventType.COMMENT).via(app, ip, actor.device).target(context.targets().account(target).id()).media(media)
                    .text(text).schedule();
        }
    }
}
