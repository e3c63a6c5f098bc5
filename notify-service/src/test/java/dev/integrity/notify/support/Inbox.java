package dev.integrity.notify.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.response.Response;
import dev.integrity.support.testing.Tokens;

/** Reads an account's inbox through the REST API, and waits for it to reach a state. */
public final class Inbox {

    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private Inbox() {
    }

    /** The inbox as the account's own user reads it. */
    public static Response get(String accountId, String acceptLanguage) {
        var request = given().auth().oauth2(Tokens.user(accountId));
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.when().get("/accounts/{id}/notifications?size=100", accountId);
    }

    /** The inbox entries (newest first), in English. */
    public static List<Map<String, Object>> entries(String accountId) {
        Response response = get(accountId, "en");
        response.then().statusCode(200);
        return response.jsonPath().getList("$");
    }

    /** Waits until the inbox satisfies the condition; answers it as it then is. */
    public static List<Map<String, Object>> awaitEntries(String accountId, Predicate<List<Map<String, Object>>> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> entries(accountId), condition::test);
    }

    /** Waits until the inbox holds the given number of entries. */
    public static List<Map<String, Object>> awaitSize(String accountId, int size) {
        return awaitEntries(accountId, entries -> entries.size() >= size);
    }

    public static Map<String, Object> byKind(List<Map<String, Object>> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + entries));
    }
}
