package dev.integrity.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessageParamsTest {

    @Test
    void removedListsOnlyNonZeroCountsInAFixedOrder() {
        MessageParams params = new MessageParams("REMOVE_AND_WARN", 1, 0, 7, 2, List.of("followboost"));
        assertEquals(List.of(new RemovedCount(RemovedCount.Kind.LIKES, 7), new RemovedCount(RemovedCount.Kind.COMMENTS, 2)),
                params.removed());
        assertEquals(9, params.totalRemoved());
        assertFalse(params.blocked());
        assertTrue(new MessageParams("BLOCK", 3, 0, 0, 0, null).blocked());
        assertEquals(List.of(), new MessageParams("BLOCK", 3, 0, 0, 0, null).removed());
    }

    @Test
    void saysWhichKindOfEnforcementItWas() {
        assertTrue(new MessageParams("REMOVE_AND_WARN", 1, 0, 0, 0, null).warned());
        assertFalse(new MessageParams("REMOVE_AND_WARN", 1, 0, 0, 0, null).finalWarning());
        assertTrue(new MessageParams("REMOVE_AND_WARN", 2, 0, 0, 0, null).finalWarning());
        assertFalse(new MessageParams("BLOCK", 3, 0, 0, 0, null).warned());
        assertFalse(new MessageParams("BLOCK", 3, 0, 0, 0, null).finalWarning());
        MessageParams unknown = new MessageParams("UNKNOWN", 0, 0, 0, 0, null);
        assertFalse(unknown.warned() || unknown.blocked() || unknown.finalWarning(), "an action not known is neither");
    }
}
