package dev.integrity.notify.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import dev.integrity.notify.config.NotifyConfig;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.support.security.Caller;
import dev.integrity.notify.service.LiveListeners;
import dev.integrity.notify.template.LanguageChooser;
import io.smallrye.mutiny.Multi;

/**
 * Live delivery: each new message for the account, as a Server-Sent Event {@code notification}
 * whose data is the same JSON as an inbox entry, rendered in the stream's Accept-Language. The
 * stream opens with a {@code : connected} comment and carries a keep-alive comment periodically.
 * Works with any number of replicas: new messages reach every replica through Redis pub/sub. The
 * account's own user or a moderator, as at the gateway.
 */
@Path("/accounts/{id}/notifications/stream")
@Tag(name = "notifications")
@RolesAllowed({ "user", "moderator" })
public class NotificationStreamResource {

    private static final Logger LOG = Logger.getLogger(NotificationStreamResource.class);

    static final String EVENT_NAME = "notification";

    private final LiveListeners listeners;
    private final NotificationViews views;
    private final LanguageChooser languages;
    private final NotifyConfig.Live config;
    private final Caller caller;

    public NotificationStreamResource(LiveListeners listeners, NotificationViews views, LanguageChooser languages, NotifyConfig config,
            Caller caller) {
        this.listeners = listeners;
        this.views = views;
        this.languages = languages;
        this.config = config.live();
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: each new message for the account as it is created")
    public Multi<OutboundSseEvent> stream(@PathParam("id") String accountId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context Sse sse) {
        caller.requireAccess(accountId);
        String account = RequestParameters.accountId(accountId);
        String language = languages.choose(acceptLanguage);
        Multi<OutboundSseEvent> messages = Multi.createFrom().emitter(emitter -> {
            AutoCloseable registration = listeners.register(account, message -> emitter.emit(event(sse, message, language)));
            emitter.onTermination(() -> close(registration));
            emitter.emit(sse.newEventBuilder().comment("connected").build());
        });
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(config.heartbeat())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(messages, keepAlive);
    }

    private OutboundSseEvent event(Sse sse, NotificationSnapshot message, String language) {
        return sse.newEventBuilder()
                .name(EVENT_NAME)
                .id(message.id())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(NotificationView.class, views.of(message, language))
                .build();
    }

    private static void close(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception e) {
            LOG.debugf("closing a stream registration failed: %s", e.toString());
        }
    }
}
