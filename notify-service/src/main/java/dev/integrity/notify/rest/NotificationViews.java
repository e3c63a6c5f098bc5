package dev.integrity.notify.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.template.MessageRenderer;
import dev.integrity.notify.template.RenderedMessage;

/** Renders stored messages into what the inbox and the stream show. */
@ApplicationScoped
public class NotificationViews {

    @Inject
    MessageRenderer renderer;

    public NotificationView of(NotificationSnapshot message, String language) {
        RenderedMessage text = renderer.render(message, language);
        return new NotificationView(message.id(), message.kind(), message.enforcementId(), text.title(), text.body(),
                message.kind().actions(), message.details().apps(), text.language(), message.createdAt(), message.readAt(),
                message.resolvedAt(), message.rescindedAt());
    }
}
