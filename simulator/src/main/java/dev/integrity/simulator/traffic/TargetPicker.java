package dev.integrity.simulator.traffic;

import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Distributions;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.model.Seeds;
import java.util.random.RandomGenerator;

/**
 * Whom accounts engage with. Genuine users mostly engage with their own circle (a fixed set of
 * accounts per user, derived from a hash, so nothing is stored), with a handful of favourite
 * popular accounts, and now and then with whoever is popular. Automation picks strangers.
 * Popularity is the profile's follower count to the power 0.6 (Walker's alias method).
 */
final class TargetPicker {

    private final Population population;
    private final long seed;
    private final double[] probability;
    private final int[] alias;

    TargetPicker(Population population) {
        this.population = population;
        this.seed = population.seed();
        int n = population.size();
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + Math.pow(population.account(i).profile().followerCount(), 0.6);
            sum += weights[i];
        }
        probability = new double[n];
        alias = new int[n];
        buildAlias(weights, sum);
    }

    int size() {
        return population.size();
    }

    /** Someone popular, weighted by followers. */
    int popular(RandomGenerator r) {
        int column = r.nextInt(probability.length);
        return r.nextDouble() < probability[column] ? column : alias[column];
    }

    /** Anyone at all. */
    int anyone(RandomGenerator r) {
        return r.nextInt(population.size());
    }

    /** Someone from the actor's circle (never the actor). */
    int circle(Actor actor, RandomGenerator r) {
        int k = r.nextInt(Math.max(1, actor.circleSize));
        int target = Seeds.below(Seeds.mix(seed, Seeds.stream("circle"), actor.index(), k), population.size());
        return target == actor.index() ? (target + 1) % population.size() : target;
    }

    /** The genuine mix: circle, favourites, and now and then whoever is popular. */
    int forPerson(Actor actor, RandomGenerator r) {
        double x = r.nextDouble();
        if (x < 0.55 || (x < 0.9 && actor.favourites.length == 0)) {
            return circle(actor, r);
        }
        int target = x < 0.9 ? actor.favourites[r.nextInt(actor.favourites.length)] : popular(r);
        return target == actor.index() ? circle(actor, r) : target;
    }

    /** 1-5 favourite popular accounts (not the actor itself). */
    int[] favourites(Actor actor, RandomGenerator r) {
        int[] favourites = new int[Distributions.between(r, 1, 5)];
        for (int i = 0; i < favourites.length; i++) {
            int f = popular(r);
            favourites[i] = f == actor.index() ? circle(actor, r) : f;
        }
        return favourites;
    }

    /** A recent post of the target's, recent ones likelier; null when it has no posts. */
    String mediaOf(int target, RandomGenerator r) {
        Account account = population.account(target);
        long count = account.profile().mediaCount();
        if (count == 0) {
            return null;
        }
        long back = Math.min(count - 1, (long) Distributions.exponential(r, 4));
        return account.id() + "-p" + (count - 1 - back);
    }

    Account account(int index) {
        return population.account(index);
    }

    private void buildAlias(double[] weights, double sum) {
        int n = weights.length;
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int s = 0;
        int l = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) {
                small[s++] = i;
            } else {
                large[l++] = i;
            }
        }
        while (s > 0 && l > 0) {
            int less = small[--s];
            int more = large[--l];
            probability[less] = scaled[less];
            alias[less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1;
            if (scaled[more] < 1) {
                small[s++] = more;
            } else {
                large[l++] = more;
            }
        }
        while (l > 0) {
            probability[large[--l]] = 1;
        }
        while (s > 0) {
            probability[small[--s]] = 1;
        }
    }
}
