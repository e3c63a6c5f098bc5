package dev.integrity.scoring.decision;

import java.util.Map;
import java.util.TreeMap;

import dev.integrity.scoring.model.AccountFeatures;

/** Builds an account's features for a specification row: first-party and per-app engagement, rate, timing. */
final class Features {

    private final Map<String, Long> all = new TreeMap<>();
    private final Map<String, Long> thirdParty = new TreeMap<>();
    private final Map<String, Map<String, Long>> byApp = new TreeMap<>();
    private long follows1h;
    private double cv = Double.NaN;

    static Features none() {
        return new Features();
    }

    /** Follows (F), likes (L) or comments (C) through first-party apps. */
    Features firstParty(String kind, long n) {
        all.merge(kind, n, Long::sum);
        return this;
    }

    Features app(String app, String kind, long n) {
        all.merge(kind, n, Long::sum);
        thirdParty.merge(kind, n, Long::sum);
        byApp.computeIfAbsent(app, a -> new TreeMap<>()).merge(kind, n, Long::sum);
        return this;
    }

    Features follows1h(long n) {
        this.follows1h = n;
        return this;
    }

    Features intervalCv(double cv) {
        this.cv = cv;
        return this;
    }

    AccountFeatures of(String account) {
        return new AccountFeatures(account, follows1h, all, thirdParty, byApp, 100, cv, 5, 1, 1, 400, null);
    }
}
