package dev.integrity.simulator.traffic;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Addresses;
import dev.integrity.simulator.model.FarmGroup;
import dev.integrity.simulator.model.Seeds;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A bot-farm account working through its farm's jobs: within a few minutes of a job's start it
 * follows the target and likes its recent posts, from one of the farm's datacenter addresses,
 * under whatever app the farm claims to be. Paid follows are always delivered; a member skips a
 * filler job now and then.
 */
final class FarmJobs implements Behaviour {

    @Override
    public void plan(Actor actor, long from, long to, TrafficContext context) {
        FarmGroup farm = context.population().farmOf(actor.account);
        List<FarmJob> jobs = context.farms().jobs(Integer.parseInt(farm.id().substring(5)) - 1);
        while (actor.farmCursor < jobs.size() && jobs.get(actor.farmCursor).start() < to) {
            work(actor, jobs.get(actor.farmCursor++), farm, from, context);
        }
    }

    private static void work(Actor actor, FarmJob job, FarmGroup farm, long from, TrafficContext context) {
        long h = Seeds.mix(context.seed(), Seeds.stream("farm-work"), job.id(), actor.index());
        if (!job.paid() && Seeds.unit(h) >= FarmSchedule.PARTICIPATION) {
            return;
        }
        if (job.target() == actor.index()) {
            return;
        }
        String app = farm.claimedApp();
        String ip = farm.ips().get(Math.floorMod(actor.index(), farm.ips().size()));
        String device = Addresses.device(app, Seeds.mix(context.seed(), Seeds.stream("farm-device"), actor.index()));
        long at = job.start() + 5_000 + (long) (Seeds.unit(Seeds.mix(h, 1)) * (FarmSchedule.SPREAD_MS - 5_000));
        if (!actor.loggedIn) {
            actor.loggedIn = true;
            long login = Math.max(Math.max(from, job.start()), at - 30_000);
            actor.draft(login, EventType.LOGIN).via(app, ip, device).schedule();
            at = Math.max(at, login + 1);
        }
        TargetPicker targets = context.targets();
        String target = targets.account(job.target()).id();
        if (job.follow() && !actor.follows(job.target())) {
            actor.draft(at, EventType.FOLLOW).via(app, ip, device).target(target).schedule();
            actor.rememberFollow(job.target(), at);
        }
        Set<String> liked = new HashSet<>();
        for (int i = 0; i < job.likes(); i++) {
            at += 3_000 + actor.random.nextInt(40_000);
            String media = targets.mediaOf(job.target(), actor.random);
            if (media != null && liked.add(media)) {
                actor.draft(at, EventType.LIKE).via(app, ip, device).target(target).media(media).schedule();
            }
        }
    }
}
