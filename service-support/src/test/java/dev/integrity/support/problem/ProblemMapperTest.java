package dev.integrity.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.integrity.contract.problem.Problem;

/** A service's own exception answered as its problem, by the one mapper (called directly, without a server). */
class ProblemMapperTest {

    private static final class TooManyAppeals extends ProblemException {
        TooManyAppeals() {
            super(429, "Too many appeals", "5 appeals a day at most");
        }

        @Override
        public Long retryAfterSeconds() {
            return 3600L;
        }
    }

    private static final class UnknownCase extends ProblemException {
        UnknownCase() {
            super(404, "Case not found", "no case c-9");
        }
    }

    @Test
    void anExceptionIsAnsweredWithItsProblemAndRetryAfter() {
        Response response = new ProblemMapper().problem(new TooManyAppeals());

        assertEquals(429, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(new Problem(Problem.TYPE_BASE + "rate-limited", "Too many appeals", 429, "5 appeals a day at most", List.of()),
                response.getEntity());
        assertEquals("3600", response.getHeaderString("Retry-After"));
    }

    @Test
    void withoutRetryAfterThereIsNoSuchHeader() {
        Response response = new ProblemMapper().problem(new UnknownCase());

        assertEquals(404, response.getStatus());
        assertEquals(Problem.of(404, "Case not found", "no case c-9"), response.getEntity());
        assertEquals(Problem.TYPE_BASE + "not-found", ((Problem) response.getEntity()).type());
        assertFalse(response.getHeaders().containsKey("Retry-After"));
    }
}
