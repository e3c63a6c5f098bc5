package dev.integrity.scoring.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script from the classpath, called by its SHA in pipelines. Redis forgets scripts on a
 * restart or a SCRIPT FLUSH: a NOSCRIPT answer loads it again and the pipeline is sent once more
 * (the scripts are written to be safe to repeat).
 */
final class RedisScript {

    private final Redis redis;
    private final String source;
    private final AtomicReference<String> sha = new AtomicReference<>();

    RedisScript(Redis redis, String resource) {
        this.redis = redis;
        this.source = load(resource);
    }

    /**
     * Sends the requests built for the script's SHA, in one pipeline; answers in order. The SHA is
     * read at each subscription, not when the Uni is built: a retry (this one's after NOSCRIPT, or a
     * caller's) must load the script again rather than resend the SHA Redis forgot.
     */
    Uni<List<Response>> pipeline(Function<String, List<Request>> requestsForSha) {
        return Uni.createFrom().deferred(this::sha).chain(known -> RedisBatches.send(redis, requestsForSha.apply(known)))
                .onFailure(RedisScript::isNoScript).invoke(() -> sha.set(null))
                .onFailure(RedisScript::isNoScript).retry().atMost(1);
    }

    /** An EVALSHA request with the script's keys and arguments. */
    static Request call(String sha, List<String> keys, Object... args) {
        Request request = Request.cmd(Command.EVALSHA).arg(sha).arg(keys.size());
        keys.forEach(request::arg);
        for (Object arg : args) {
            request.arg(String.valueOf(arg));
        }
        return request;
    }

    private Uni<String> sha() {
        String known = sha.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(source)).map(response -> {
            sha.set(response.toString());
            return response.toString();
        });
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
