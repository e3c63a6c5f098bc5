package dev.integrity.simulator.traffic;

import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Addresses;
import dev.integrity.simulator.model.Seeds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One account while its traffic is generated: its own random stream, what it has planned but not
 * yet emitted, and the little it remembers (whom it followed, what it liked), so that unfollows and
 * unlikes undo something it did. Behaviours keep their settings here too.
 */
final class Actor {

    private static final int REMEMBERED_LIKES = 32;

    final Account account;
    final SplittableRandom random;
    final String homeIp;
    final String mobileIp;
    final String device;
    /** A browser: some sessions happen on the web app. */
    final String secondDevice;

    final Set<Integer> followed = new HashSet<>();
    private final List<Integer> followedInOrder = new ArrayList<>();
    private final Map<Integer, Long> followedAt = new HashMap<>();
    private final ArrayDeque<Like> recentLikes = new ArrayDeque<>();
    int newPosts;
    boolean loggedIn;

    // settings of the behaviours, drawn once per account
    double sessionsPerHour;
    int[] favourites = new int[0];
    int circleSize;
    double automationPerHour;
    double automationCv; // 0 means Poisson timing
    long nextAutomationAt = Long.MIN_VALUE;
    long scheduleEveryMs;
    long scheduleOffsetMs;
    long settingsAt = Long.MIN_VALUE;
    String authorisedApp;
    boolean changesPassword;
    int farmCursor;
    List<CrowdSchedule.Reaction> reactions = List.of();
    int reactionCursor;
    List<ExploreSessions.Sitting> sittings = List.of();
    int sittingCursor;

    private final PriorityQueue<Draft> pending = new PriorityQueue<>(Draft.ORDER);
    private long seq;

    Actor(Account account, long seed) {
        this.account = account;
        this.random = Seeds.random(seed, Seeds.stream("traffic"), account.index());
        long h = Seeds.mix(seed, Seeds.stream("address"), account.index());
        this.homeIp = Addresses.residential(h);
        this.mobileIp = Addresses.residential(Seeds.mix(h, 1));
        this.device = Addresses.device(account.clientApp(), h);
        this.secondDevice = Addresses.device("official-web", Seeds.mix(h, 2));
    }

    int index() {
        return account.index();
    }

    String id() {
        return account.id();
    }

    long nextSeq() {
        return seq++;
    }

    Draft.Builder draft(long at, EventType type) {
        return new Draft.Builder(this, at, type);
    }

    void schedule(Draft draft) {
        pending.add(draft);
    }

    /** Moves the drafts planned before {@code until} to {@code out}. */
    void drainBefore(long until, List<Draft> out) {
        while (!pending.isEmpty() && pending.peek().at() < until) {
            out.add(pending.poll());
        }
    }

    boolean follows(int target) {
        return followed.contains(target);
    }

    void rememberFollow(int target, long at) {
        if (followed.add(target)) {
            followedInOrder.add(target);
            followedAt.put(target, at);
        }
    }

    /**
     * An account followed before {@code at} (sessions are planned whole, so a later-planned action
     * may come earlier), forgotten as it is unfollowed; -1 if none.
     */
    int forgetSomeFollow(long at) {
        for (int attempt = 0; attempt < 4 && !followedInOrder.isEmpty(); attempt++) {
            int k = random.nextInt(followedInOrder.size());
            int target = followedInOrder.get(k);
            if (followedAt.get(target) < at) {
                followedInOrder.remove(k);
                followed.remove(target);
                followedAt.remove(target);
                return target;
            }
        }
        return -1;
    }

    /** The account will unfollow it later: not a candidate for another unfollow, nor for a new follow. */
    void unfollowPlanned(int target) {
        followedInOrder.remove(Integer.valueOf(target));
    }

    void rememberLike(String target, String media, long at) {
        if (recentLikes.size() == REMEMBERED_LIKES) {
            recentLikes.removeFirst();
        }
        recentLikes.addLast(new Like(target, media, at));
    }

    /** The latest like given before {@code at}, forgotten as it is undone; null if none. */
    Like forgetLikeBefore(long at) {
        var it = recentLikes.descendingIterator();
        while (it.hasNext()) {
            Like like = it.next();
            if (like.at() < at) {
                it.remove();
                return like;
            }
        }
        return null;
    }

    record Like(String target, String media, long at) {
    }

    /** A post of its own this account made in the window, as media id. */
    String newMediaId() {
        return account.id() + "-p" + (account.profile().mediaCount() + newPosts++);
    }
}
