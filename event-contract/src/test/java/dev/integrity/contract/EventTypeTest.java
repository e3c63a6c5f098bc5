package dev.integrity.contract;

import static dev.integrity.contract.EventType.APP_AUTHORIZED;
import static dev.integrity.contract.EventType.APP_REVOKED;
import static dev.integrity.contract.EventType.COMMENT;
import static dev.integrity.contract.EventType.FOLLOW;
import static dev.integrity.contract.EventType.LIKE;
import static dev.integrity.contract.EventType.MEDIA_POSTED;
import static dev.integrity.contract.EventType.PROFILE_SNAPSHOT;
import static dev.integrity.contract.EventType.UNFOLLOW;
import static dev.integrity.contract.EventType.UNLIKE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void helpersFollowTheContract() {
        assertEquals(EnumSet.of(FOLLOW, UNFOLLOW, LIKE, UNLIKE, COMMENT), matching(EventType::requiresTarget));
        assertEquals(EnumSet.of(LIKE, UNLIKE, COMMENT, MEDIA_POSTED), matching(EventType::requiresMedia));
        assertEquals(EnumSet.of(COMMENT), matching(EventType::requiresText));
        assertEquals(EnumSet.of(APP_AUTHORIZED, APP_REVOKED), matching(EventType::requiresAppId));
        assertEquals(EnumSet.of(PROFILE_SNAPSHOT), matching(EventType::requiresProfile));
        assertEquals(EnumSet.of(FOLLOW, LIKE, COMMENT), matching(EventType::isEngagement));
    }

    @Test
    void hasTheElevenContractTypes() {
        assertEquals("FOLLOW, UNFOLLOW, LIKE, UNLIKE, COMMENT, MEDIA_POSTED, LOGIN, APP_AUTHORIZED, APP_REVOKED, "
                + "PASSWORD_CHANGED, PROFILE_SNAPSHOT",
                Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static Set<EventType> matching(Predicate<EventType> helper) {
        return Arrays.stream(EventType.values()).filter(helper).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    }
}
