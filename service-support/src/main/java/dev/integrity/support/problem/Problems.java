package dev.integrity.support.problem;

import jakarta.ws.rs.core.Response;

import dev.integrity.contract.problem.Problem;

/** A problem (RFC 9457) as an HTTP answer: its status, the problem+json media type, the problem as the body. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
