package dev.integrity.simulator.traffic;

import dev.integrity.simulator.model.Distributions;
import dev.integrity.simulator.model.FarmGroup;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.model.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The jobs of every farm over the window, in start order: first what its customers paid for, then
 * filler jobs on popular and random accounts that make the farm's accounts look busy. A farm does
 * 8-12 jobs an hour. Members act within {@link #SPREAD_MS} of a job's start.
 */
final class FarmSchedule {

    /** Members act within this long after a job starts: "the same targets within minutes". */
    static final long SPREAD_MS = 4 * 60_000L;
    /** Members join a filler job with this chance; paid follows are always delivered. */
    static final double PARTICIPATION = 0.85;

    private final List<List<FarmJob>> jobsByFarm = new ArrayList<>();
    private final List<FarmJob> byStart;

    FarmSchedule(Population population, TrafficWindow window, TargetPicker targets) {
        long seed = population.seed();
        long from = window.startMs() + 60_000;
        long to = window.endMs() - SPREAD_MS - 2 * 60_000;
        if (to <= from) { // a window of a few minutes: squeeze the jobs in
            from = window.startMs() + 1;
            to = Math.max(from + 1, window.endMs() - SPREAD_MS);
        }
        Set<Integer> allCustomers = new HashSet<>(); // fillers avoid them: their farm followers are exactly those they bought
        population.farms().forEach(farm -> allCustomers.addAll(farm.customers()));
        long jobId = 0;
        for (int f = 0; f < population.farms().size(); f++) {
            FarmGroup farm = population.farms().get(f);
            SplittableRandom r = Seeds.random(seed, Seeds.stream("farm-jobs"), f);
            Set<Integer> members = new HashSet<>(farm.members());
            List<int[]> orders = new ArrayList<>(); // {target, paid, follow, likes}
            for (int customer : farm.customers()) {
                orders.add(new int[] {customer, 1, 1, Distributions.between(r, 1, 2)});
            }
            int wanted = Math.max(orders.size(), (int) Math.round(Distributions.between(r, 8.0, 12.0) * window.hours()));
            Set<Integer> used = new HashSet<>(farm.customers());
            for (int attempts = 0; orders.size() < wanted && attempts < wanted * 20; attempts++) {
                int target = r.nextBoolean() ? targets.popular(r) : targets.anyone(r);
                if (members.contains(target) || allCustomers.contains(target) || !used.add(target)) {
                    continue;
                }
                boolean follow = r.nextDouble() < 0.6;
                orders.add(new int[] {target, 0, follow ? 1 : 0, follow ? r.nextInt(3) : Distributions.between(r, 1, 3)});
            }
            List<Long> starts = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                starts.add(from + (long) (r.nextDouble() * (to - from)));
            }
            starts.sort(Comparator.naturalOrder());
            for (int i = orders.size() - 1; i > 0; i--) { // customers' orders land anywhere in the window
                int j = r.nextInt(i + 1);
                int[] t = orders.get(i);
                orders.set(i, orders.get(j));
                orders.set(j, t);
            }
            List<FarmJob> jobs = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                int[] o = orders.get(i);
                jobs.add(new FarmJob(jobId++, f, o[0], starts.get(i), o[1] == 1, o[2] == 1, o[3]));
            }
            jobsByFarm.add(List.copyOf(jobs));
        }
        byStart = jobsByFarm.stream().flatMap(List::stream).sorted(Comparator.comparingLong(FarmJob::start).thenComparingLong(FarmJob::id))
                .toList();
    }

    List<FarmJob> jobs(int farm) {
        return jobsByFarm.get(farm);
    }

    /** Every farm's jobs, in start order. */
    List<FarmJob> all() {
        return byStart;
    }

    int farmCount() {
        return jobsByFarm.size();
    }
}
