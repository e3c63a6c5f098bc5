package dev.integrity.scoring.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.integrity.support.redis.RedisPipeline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script from the classpath, called by its SHA in pipelines. Quarkus's typed data source has
 * no scripting group: the script is loaded through the data source's raw {@code execute} (SCRIPT
 * LOAD) and called through {@link RedisPipeline}. Redis forgets scripts on a restart or a SCRIPT
 * FLUSH: a NOSCRIPT answer loads it again and the pipeline is sent once more (the scripts are
 * written to be safe to repeat).
 */
final class RedisScript {

    /** One call of the script: its keys and arguments. */
    record Call(List<String> keys, List<Object> args) {
    }

    private final ReactiveRedisDataSource redis;
    private final RedisPipeline pipeline;
    private final String source;
    private final AtomicReference<String> sha = new AtomicReference<>();

    RedisScript(ReactiveRedisDataSource redis, String resource) {
        this.redis = redis;
        this.pipeline = new RedisPipeline(redis);
        this.source = load(resource);
    }

    /**
     * Calls the script once per item, in one pipeline; each reply (an array of whole numbers) is
     * converted together with its item, in the items' order. The SHA is read at each subscription, not
     * when the Uni is built: a retry (this one's after NOSCRIPT, or a caller's) must load the script
     * again rather than resend the SHA Redis forgot.
     */
    <T, R> Uni<List<R>> callEach(List<T> items, Function<T, Call> call, BiFunction<T, List<Long>, R> reply) {
        return Uni.createFrom().deferred(this::sha)
                .chain(known -> pipeline.each(items, item -> evalsha(known, call.apply(item)),
                        (item, response) -> reply.apply(item, RedisPipeline.longs(response))))
                .onFailure(RedisScript::isNoScript).invoke(() -> sha.set(null))
                .onFailure(RedisScript::isNoScript).retry().atMost(1);
    }

    private static Request evalsha(String sha, Call call) {
        Request request = Request.cmd(Command.EVALSHA).arg(sha).arg(call.keys().size());
        call.keys().forEach(request::arg);
        call.args().forEach(arg -> request.arg(String.valueOf(arg)));
        return request;
    }

    private Uni<String> sha() {
        String known = sha.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return redis.execute(Command.SCRIPT, "LOAD", source).map(Response::toString).invoke(sha::set);
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
    }

    private static String load(String resource) {
        try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + resource, e);
        }
    }
}
