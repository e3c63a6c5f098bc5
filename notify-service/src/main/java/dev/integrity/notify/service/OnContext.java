package dev.integrity.notify.service;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * An executor that runs tasks on the Vert.x context current when it was made. Hibernate Reactive
 * sessions must be opened on the consumer's (duplicated) context; a retry after a back-off, or a
 * Redis reply, may arrive on another thread, so work that opens a session is moved back here.
 */
public final class OnContext {

    private OnContext() {
    }

    /** The current context's executor; outside Vert.x, one that runs tasks in place. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
