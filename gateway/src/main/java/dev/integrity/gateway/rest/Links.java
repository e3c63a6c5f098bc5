package dev.integrity.gateway.rest;

import jakarta.ws.rs.core.Response;

import dev.integrity.gateway.client.DownstreamResponse;

/**
 * Paged lists: a downstream service names the next page by its cursor (the Next-Cursor header); the
 * gateway answers with a {@code Link: <…>; rel="next"} header (RFC 8288) to its own path with the
 * same filters, so a client follows links and never builds cursors.
 */
final class Links {

    private Links() {
    }

    /**
     * The downstream answer, with a Link header to the next page while there is one.
     *
     * @param path the public path of the list, e.g. {@code /api/v1/enforcements}
     * @param filters the query of this request without {@code after}, already encoded ("" for none)
     */
    static Response withNext(DownstreamResponse r, String path, String filters) {
        Response answer = r.toResponse();
        if (r.status() != 200 || r.nextCursor() == null) {
            return answer;
        }
        String next = path + "?" + (filters.isEmpty() ? "" : filters + "&") + Ids.query("after", r.nextCursor());
        return Response.fromResponse(answer).header("Link", "<" + next + ">; rel=\"next\"").build();
    }
}
