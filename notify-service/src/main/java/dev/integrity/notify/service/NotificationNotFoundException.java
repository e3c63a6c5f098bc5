package dev.integrity.notify.service;

/** The account has no message with that id (it may not exist, or belong to another account). */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String accountId, String notificationId) {
        super("Account '" + accountId + "' has no notification '" + notificationId + "'.");
    }
}
