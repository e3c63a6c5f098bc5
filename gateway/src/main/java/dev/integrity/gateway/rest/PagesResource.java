package dev.integrity.gateway.rest;

import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** The user's in-app inbox page at /inbox (the console is the static index page at /). */
@Path("/inbox")
@PermitAll
public class PagesResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public InputStream inbox() {
        InputStream page = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/inbox.html");
        if (page == null) {
            throw new NotFoundException("The inbox page is not packaged.");
        }
        return page;
    }
}
