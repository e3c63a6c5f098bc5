package dev.integrity.ingest.service;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.support.problem.ProblemException;
import io.smallrye.config.SmallRyeConfig;

/** Kafka or Redis could not be reached; the client should retry later (503 with Retry-After). */
public class DependencyUnavailableException extends ProblemException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(503, "Service unavailable", message, cause);
    }

    /** ingest.retry-after-seconds, read when the answer is made (the exception is thrown far from any injection). */
    @Override
    public Long retryAfterSeconds() {
        return (long) ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(IngestConfig.class).retryAfterSeconds();
    }
}
