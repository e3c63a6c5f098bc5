package dev.integrity.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.notify.config.NotifyConfig;
import dev.integrity.support.security.Caller;
import dev.integrity.notify.service.InboxService;
import dev.integrity.notify.service.NotificationNotFoundException;
import dev.integrity.notify.template.LanguageChooser;
import io.smallrye.mutiny.Uni;

/**
 * The inbox, behind the gateway's, with its rules checked here too: a user reads and marks only their
 * own messages, a moderator reads any inbox. Messages are rendered at read time in the language the
 * reader's Accept-Language asks for.
 */
@Path("/accounts/{id}/notifications")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "user", "moderator" })
public class NotificationResource {

    private final InboxService inbox;
    private final NotificationViews views;
    private final LanguageChooser languages;
    private final NotifyConfig.Inbox paging;
    private final Caller caller;

    public NotificationResource(InboxService inbox, NotificationViews views, LanguageChooser languages, NotifyConfig config,
            Caller caller) {
        this.inbox = inbox;
        this.views = views;
        this.languages = languages;
        this.paging = config.inbox();
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The account's messages, newest first, rendered in the Accept-Language (English fallback)")
    public Uni<List<NotificationView>> list(@PathParam("id") String accountId, @QueryParam("page") String page,
            @QueryParam("size") String size, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        caller.requireAccess(accountId);
        String account = RequestParameters.accountId(accountId);
        int pageNumber = RequestParameters.page(page);
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
}
