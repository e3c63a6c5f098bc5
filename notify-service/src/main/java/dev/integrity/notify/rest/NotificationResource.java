package dev.integrity.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import dev.integrity.notify.service.InboxService;
import dev.integrity.notify.service.LiveListeners;
import dev.integrity.notify.service.NotificationNotFoundException;
import dev.integrity.notify.template.LanguageChooser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The inbox and its live stream, behind the gateway's, with its rules checked here too: a user reads,
 * follows and marks only their own messages, a moderator reads and follows any inbox. Messages are
 * rendered at read time in the language the reader's Accept-Language asks for.
 *
 * <p>The stream ({@code GET .../stream}) sends each new message for the account as a Server-Sent Event
 * {@code notification} whose data is the same JSON as an inbox entry. It opens with a {@code : connected}
 * comment and carries a keep-alive comment periodically. Works with any number of replicas: new messages
 * reach every replica through Redis pub/sub.
 */
@Path("/accounts/{id}/notifications")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "user", "moderator" })
public class NotificationResource {

    private static final Logger LOG = Logger.getLogger(NotificationResource.class);

    private static final String EVENT_NAME = "notification";

    @Inject
    InboxService inbox;
    @Inject
    LiveListeners listeners;
    @Inject
    NotificationViews views;
    @Inject
    LanguageChooser languages;
    @Inject
    NotifyConfig config;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The account's messages, newest first, rendered in the Accept-Language (English fallback)")
    public Uni<List<NotificationView>> list(@PathParam("id") String accountId, @QueryParam("page") String page,
            @QueryParam("size") String size, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        caller.requireAccess(accountId);
        String account = RequestParameters.accountId(accountId);
        int pageNumber = RequestParameters.page(page);
        NotifyConfig.Inbox paging = config.inbox();
        int pageSize = RequestParameters.size(size, paging.defaultPageSize(), paging.maxPageSize());
        String language = languages.choose(acceptLanguage);
        return inbox.page(account, pageNumber, pageSize)
                .map(messages -> messages.stream().map(message -> views.of(message, language)).toList());
    }

    @POST
    @Path("{nid}/read")
    @Operation(summary = "Marks the message read (204; the account's own user only); unknown, or another account's: 404")
    public Uni<Void> markRead(@PathParam("id") String accountId, @PathParam("nid") String notificationId) {
        caller.requireOwner(accountId);
        String account = RequestParameters.accountId(accountId);
        if (!RequestParameters.isPlausibleNotificationId(notificationId)) {
            return Uni.createFrom().failure(new NotificationNotFoundException(account, notificationId));
        }
        return inbox.markRead(account, notificationId);
    }

    @GET
    @Path("stream")
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
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(config.live().heartbeat())
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
