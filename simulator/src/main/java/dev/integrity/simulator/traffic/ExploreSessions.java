package dev.integrity.simulator.traffic;

import static dev.integrity.simulator.model.Distributions.between;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A heavy liker browsing Explore. A post a bot farm works on gathers likes within minutes, so the
 * ranking shows it to people who browse posts of its kind, and this user likes it in the middle of
 * a sitting of dozens of likes on whatever else Explore shows: the same target in the farm's
 * minutes, but a small share of the user's likes then. Each user browses the niche one farm works
 * (and so meets a good part of that farm's targets in a day) and now and then another farm's
 * post. How often is a rate per hour, whatever the number of farms and jobs, scaled by the
 * user's daily rhythm. These sittings are what makes the user heavy
 * (thousands of likes a day); the rest of the time it scrolls its feed like anyone. Everything is
 * first-party.
 */
final class ExploreSessions implements Behaviour {

    /** Posts of the niche farm's jobs the user meets an hour, at the rhythm's average hour (a farm has about 10 jobs an hour). */
    static final double NICHE_PER_HOUR = 4;
    /** Posts of all other farms' jobs together the user meets an hour. */
    static final double OTHERS_PER_HOUR = 1;
    /** Never every job of the niche: a person is not online all the time. */
    static final double MAX_CHANCE = 0.6;
    /** The boosted post shows up once the farm's first likes have pushed it up. */
    static final long SHOWS_UP_AFTER_MS = 20_000;
    /** A sitting begins this long before the boosted post comes up, and lasts as long again after. */
    static final long MIN_AROUND_MS = 60_000;
    static final long MAX_AROUND_MS = 150_000;

    /** A like on a farm's target, at a time within the farm's job. */
    record FarmLike(long at, int target) {
    }

    /** One sitting in Explore: from start to end, with the farm targets met in it. */
    record Sitting(long start, long end, List<FarmLike> farmLikes) {
    }

    @Override
    public void init(Actor actor, TrafficContext context) {
        FarmSchedule farms = context.farms();
        if (farms.farmCount() == 0) {
            return;
        }
        long seed = context.seed();
        int niche = Seeds.below(Seeds.mix(seed, Seeds.stream("explore-niche"), actor.index()), farms.farmCount());
        double hours = context.window().hours();
        int nicheJobs = farms.jobs(niche).size();
        double nicheChance = NICHE_PER_HOUR * hours / Math.max(1, nicheJobs);
        double otherChance = OTHERS_PER_HOUR * hours / Math.max(1, farms.all().size() - nicheJobs);
        List<Sitting> met = new ArrayList<>();
        for (FarmJob job : farms.all()) {
            long h = Seeds.mix(seed, Seeds.stream("explore"), job.id(), actor.index());
            double chance = (job.farm() == niche ? nicheChance : otherChance) * Rhythm.at(job.start(), actor.account.utcOffsetHours());
            if (Seeds.unit(h) >= Math.min(MAX_CHANCE, chance)) {
                continue;
            }
            if (job.target() == actor.index() || context.targets().account(job.target()).profile().mediaCount() == 0) {
                continue; // nothing to like
            }
            long at = job.start() + SHOWS_UP_AFTER_MS + (long) (Seeds.unit(Seeds.mix(h, 1)) * (FarmSchedule.SPREAD_MS - SHOWS_UP_AFTER_MS));
            long start = Math.max(context.window().startMs() + 1, at - around(Seeds.mix(h, 2)));
            met.add(new Sitting(start, at + around(Seeds.mix(h, 3)), List.of(new FarmLike(at, job.target()))));
        }
        actor.sittings = merged(met);
    }

    private static long around(long hash) {
        return MIN_AROUND_MS + (long) (Seeds.unit(hash) * (MAX_AROUND_MS - MIN_AROUND_MS));
    }

    /** Sittings that overlap are one longer sitting: a person does not browse twice at once. */
    static List<Sitting> merged(List<Sitting> sittings) {
        List<Sitting> sorted = new ArrayList<>(sittings);
        sorted.sort(Comparator.comparingLong(Sitting::start));
        List<Sitting> result = new ArrayList<>();
        for (Sitting s : sorted) {
            Sitting last = result.isEmpty() ? null : result.getLast();
            if (last != null && s.start() <= last.end()) {
                List<FarmLike> likes = new ArrayList<>(last.farmLikes());
                likes.addAll(s.farmLikes());
                likes.sort(Comparator.comparingLong(FarmLike::at));
                result.set(result.size() - 1, new Sitting(last.start(), Math.max(last.end(), s.end()), List.copyOf(likes)));
            } else {
                result.add(s);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        while (actor.sittingCursor < actor.sittings.size() && actor.sittings.get(actor.sittingCursor).start() < to) {
            sit(actor, actor.sittings.get(actor.sittingCursor++), context);
        }
    }

    private static void sit(Actor actor, Sitting sitting, TrafficContext context) {
        SplittableRandom r = actor.random;
        boolean web = r.nextDouble() < 0.15;
        String app = web ? "official-web" : actor.account.clientApp();
        String device = web ? actor.secondDevice : actor.device;
        String ip = web || r.nextDouble() < 0.6 ? actor.homeIp : actor.mobileIp;
        TargetPicker targets = context.targets();
        List<FarmLike> farmLikes = sitting.farmLikes();
        int next = 0;
        for (long t = sitting.start(); t < sitting.end(); t += (long) (between(r, 3.0, 10.0) * 1000)) {
            for (; next < farmLikes.size() && farmLikes.get(next).at() <= t; next++) {
                FarmLike f = farmLikes.get(next);
                like(actor, f.at(), f.target(), app, ip, device, context);
            }
            int target = r.nextBoolean() ? targets.popular(r) : targets.forPerson(actor, r);
            if (target == actor.index()) {
                continue;
            }
            if (r.nextDouble() < 0.04) {
                if (!actor.follows(target)) {
                    actor.draft(t, EventType.FOLLOW).via(app, ip, device).target(targets.account(target).id()).schedule();
                    actor.rememberFollow(target, t);
                }
            } else {
                like(actor, t, target, app, ip, device, context);
            }
        }
        for (; next < farmLikes.size(); next++) {
            like(actor, farmLikes.get(next).at(), farmLikes.get(next).target(), app, ip, device, context);
        }
    }

    private static void like(Actor actor, long at, int target, String app, String ip, String device, TrafficContext context) {
        String media = context.targets().mediaOf(target, actor.random);
        if (media != null) {
            String targetId = context.targets().account(target).id();
            actor.draft(at, EventType.LIKE).via(app, ip, device).target(targetId).media(media).schedule();
            actor.rememberLike(targetId, media, at);
        }
    }
}
