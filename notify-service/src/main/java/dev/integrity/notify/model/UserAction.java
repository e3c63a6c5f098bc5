package dev.integrity.notify.model;

/** Something a message asks the person to do; the inbox shows a button for each. */
public enum UserAction {
    CHANGE_PASSWORD,
    REVIEW_CONNECTED_APPS
}
