package dev.integrity.scoring.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Shadow mode's record: the candidate model's score beside the live one, per account (latest wins). */
@ApplicationScoped
public class ShadowScoreRepository {

    /** One account scored by both models. */
    public record ShadowScore(String accountId, String modelId, double probability, String liveModelId, double liveProbability) {
    }

    private final Pool pool;

    public ShadowScoreRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(List<ShadowScore> scores) {
        if (scores.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                INSERT INTO shadow_score (account_id, model_id, probability, live_model_id, live_probability)
                SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::float8[], $4::varchar[], $5::float8[])
                ON CONFLICT (account_id, model_id) DO UPDATE SET probability = EXCLUDED.probability,
                  live_model_id = EXCLUDED.live_model_id, live_probability = EXCLUDED.live_probability, scored_at = now()""")
                .execute(Tuple.of(
                        scores.stream().map(ShadowScore::accountId).toArray(String[]::new),
                        scores.stream().map(ShadowScore::modelId).toArray(String[]::new),
                        scores.stream().map(ShadowScore::probability).toArray(Double[]::new),
                        scores.stream().map(ShadowScore::liveModelId).toArray(String[]::new),
                        scores.stream().map(ShadowScore::liveProbability).toArray(Double[]::new)))
                .replaceWithVoid();
    }

    /** How the candidate compares: accounts scored, and how many it would flag at the live threshold's side. */
    public Uni<List<ShadowScore>> latest(String modelId, int limit) {
        return pool.preparedQuery("SELECT account_id, model_id, probability, live_model_id, live_probability FROM shadow_score "
                + "WHERE model_id = $1 ORDER BY scored_at DESC LIMIT $2")
                .execute(Tuple.of(modelId, limit))
                .map(rows -> {
                    List<ShadowScore> list = new java.util.ArrayList<>();
                    rows.forEach(r -> list.add(new ShadowScore(r.getString(0), r.getString(1), r.getDouble(2), r.getString(3), r.getDouble(4))));
                    return list;
                });
    }
}
