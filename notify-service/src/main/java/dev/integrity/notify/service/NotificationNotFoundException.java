package dev.integrity.notify.service;

import dev.integrity.support.problem.ProblemException;

/** The account has no message with that id (it may not exist, or belong to another account): 404. */
public class NotificationNotFoundException extends ProblemException {

    public NotificationNotFoundException(String accountId, String notificationId) {
        super(404, "Not Found", "Account '" + accountId + "' has no notification '" + notificationId + "'.");
    }
}
