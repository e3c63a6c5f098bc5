package dev.integrity.scoring.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BehaviourFeatures;
import dev.integrity.model.Contribution;
import dev.integrity.model.FeatureSet;
import dev.integrity.model.Score;
import dev.integrity.model.Scorer;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.model.AccountFeatures;
import dev.integrity.scoring.model.ModelResult;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The live authenticity model, swappable without a restart, and an optional candidate scored in
 * shadow mode beside it. Scoring is a dot product over named features (microseconds); the
 * features that pushed a score up become its human-readable reasons.
 */
@ApplicationScoped
public class AuthenticityScorer {

    private static final Logger LOG = Logger.getLogger(AuthenticityScorer.class);

    private final AtomicReference<Scorer> live = new AtomicReference<>();
    private final AtomicReference<Scorer> shadow = new AtomicReference<>();
    private final DistributionSummary scores;

    public AuthenticityScorer(ScoringConfig config, MeterRegistry registry) {
        this.scores = DistributionSummary.builder("scoring.model.probability").description("Live model probability of fake")
                .publishPercentiles(0.5, 0.9, 0.99).register(registry);
        try {
            live.set(config.model().path().isPresent() ? AuthenticityModel.load(Path.of(config.model().path().get())).scorer()
                    : AuthenticityModel.loadDefault().scorer());
            if (config.model().shadowPath().isPresent()) {
                shadow.set(AuthenticityModel.load(Path.of(config.model().shadowPath().get())).scorer());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the authenticity model: " + e.getMessage(), e);
        }
        LOG.infof("authenticity model %s live%s", live.get().modelId(),
                shadow.get() == null ? "" : ", " + shadow.get().modelId() + " in shadow mode");
    }

    /** Loads a model directory and makes it live (the next batch is scored with it). */
    public String promote(Path modelDir) throws IOException {
        Scorer next = AuthenticityModel.load(modelDir).scorer();
        Scorer previous = live.getAndSet(next);
        LOG.infof("authenticity model %s live (was %s)", next.modelId(), previous.modelId());
        return next.modelId();
    }

    /** Loads a model directory as the shadow candidate; null path removes the candidate. */
    public String shadow(Path modelDir) throws IOException {
        if (modelDir == null) {
            shadow.set(null);
            return null;
        }
        Scorer candidate = AuthenticityModel.load(modelDir).scorer();
        shadow.set(candidate);
        LOG.infof("authenticity model %s in shadow mode", candidate.modelId());
        return candidate.modelId();
    }

    public String liveModelId() {
        return live.get().modelId();
    }

    public String shadowModelId() {
        Scorer candidate = shadow.get();
        return candidate == null ? null : candidate.modelId();
    }

    public ModelResult score(AccountFeatures features) {
        Map<String, Double> values = modelInput(features);
        Scorer scorer = live.get();
        Score score = scorer.score(values);
        scores.record(score.probability());
        List<String> reasons = new ArrayList<>();
        if (score.flagged()) {
            for (Contribution c : score.topContributions(3)) {
                reasons.add(describe(c));
            }
        }
        return new ModelResult(scorer.modelId(), score.probability(), score.flagged(), reasons);
    }

    /** The shadow candidate's probability for the same features, or NaN without a candidate. */
    public double shadowProbability(AccountFeatures features) {
        Scorer candidate = shadow.get();
        return candidate == null ? Double.NaN : candidate.probability(modelInput(features));
    }

    /** Profile and behaviour features by name; without a profile snapshot only behaviour is known. */
    private static Map<String, Double> modelInput(AccountFeatures features) {
        Map<String, Double> behaviour = behaviour(features);
        return features.profile() == null ? behaviour : FeatureSet.extract(features.profile(), behaviour);
    }

    static Map<String, Double> behaviour(AccountFeatures f) {
        Map<String, Double> b = new HashMap<>();
        b.put(BehaviourFeatures.FOLLOWS_1H, (double) f.follows1h());
        b.put(BehaviourFeatures.FOLLOWS_24H, (double) f.follows24h());
        b.put(BehaviourFeatures.LIKES_24H, (double) f.likes24h());
        b.put(BehaviourFeatures.COMMENTS_24H, (double) f.comments24h());
        b.put(BehaviourFeatures.THIRD_PARTY_SHARE_24H, f.thirdPartyShare24h());
        b.put(BehaviourFeatures.DISTINCT_TARGETS_24H, (double) f.distinctTargets24h());
        b.put(BehaviourFeatures.INTERVAL_CV, f.intervalCv());
        b.put(BehaviourFeatures.MAX_BURST_1M, (double) f.maxBurst1m());
        b.put(BehaviourFeatures.DISTINCT_IPS_24H, (double) f.distinctIps24h());
        b.put(BehaviourFeatures.DISTINCT_DEVICES_24H, (double) f.distinctDevices24h());
        b.put(BehaviourFeatures.ACCOUNT_AGE_DAYS, f.accountAgeDays());
        return b;
    }

    /** A feature's push towards "fake", in words a moderator understands. */
    static String describe(Contribution c) {
        double v = c.value();
        return switch (c.feature()) {
            case FeatureSet.HAS_PROFILE_PICTURE_FEATURE -> v < 0.5 ? "Profile has no picture" : "Profile picture present";
            case FeatureSet.USERNAME_DIGITS -> "Username contains " + (long) v + " digits";
            case FeatureSet.USERNAME_DIGIT_SHARE -> String.format(Locale.ROOT, "%.0f%% of the username is digits", v * 100);
            case FeatureSet.LOG_MEDIA -> "Only " + Math.round(Math.expm1(v)) + " posts";
            case FeatureSet.BIO_LENGTH -> v == 0 ? "Empty biography" : "Biography of only " + (long) v + " characters";
            case FeatureSet.LOG_FOLLOWING_RATIO -> String.format(Locale.ROOT, "Follows about %.0f times as many accounts as follow it", Math.expm1(v));
            case FeatureSet.LOG_FOLLOWERS -> "Only " + Math.round(Math.expm1(v)) + " followers";
            case FeatureSet.LOG_FOLLOWING -> "Follows " + Math.round(Math.expm1(v)) + " accounts";
            case FeatureSet.FULLNAME_EMPTY -> "No full name";
            case BehaviourFeatures.FOLLOWS_1H -> (long) v + " follows in the last hour";
            case BehaviourFeatures.INTERVAL_CV -> String.format(Locale.ROOT, "Machine-regular timing between actions (variation %.2f)", v);
            case BehaviourFeatures.THIRD_PARTY_SHARE_24H -> String.format(Locale.ROOT, "%.0f%% of engagement in 24 h through third-party apps", v * 100);
            default -> "Model feature '" + c.feature() + "' = " + String.format(Locale.ROOT, "%.3g", v);
        } + String.format(Locale.ROOT, " (model weight %+.2f)", c.contribution());
    }
}
