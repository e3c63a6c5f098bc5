package dev.integrity.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.model.EnforcementDetails;

class MessageParamsTest {

    @Test
    void removedListsOnlyNonZeroCountsInAFixedOrder() {
        MessageParams params = params("REMOVE_AND_WARN", 1, 0, 7, 2, List.of("followboost"));
        assertEquals(List.of(new RemovedCount(RemovedCount.Kind.LIKES, 7), new RemovedCount(RemovedCount.Kind.COMMENTS, 2)),
                params.removed());
        assertEquals(9, params.totalRemoved());
        assertFalse(params.blocked());
        assertTrue(params("BLOCK", 3, 0, 0, 0, null).blocked());
        assertEquals(List.of(), params("BLOCK", 3, 0, 0, 0, null).removed());
    }

    @Test
    void saysWhichKindOfEnforcementItWas() {
        assertTrue(params("REMOVE_AND_WARN", 1, 0, 0, 0, null).warned());
        assertFalse(params("REMOVE_AND_WARN", 1, 0, 0, 0, null).finalWarning());
        assertTrue(params("REMOVE_AND_WARN", 2, 0, 0, 0, null).finalWarning());
        assertFalse(params("BLOCK", 3, 0, 0, 0, null).warned());
        assertFalse(params("BLOCK", 3, 0, 0, 0, null).finalWarning());
        MessageParams unknown = params("UNKNOWN", 0, 0, 0, 0, null);
        assertFalse(unknown.warned() || unknown.blocked() || unknown.finalWarning(), "an action not known is neither");
    }

    private static MessageParams params(String action, int strike, long follows, long likes, long comments, List<String> apps) {
        return new MessageParams(new EnforcementDetails(action, strike, follows, likes, comments, apps));
    }
}
