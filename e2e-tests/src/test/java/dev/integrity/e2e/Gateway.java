package dev.integrity.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The running suite's public API, as the end-to-end tests call it: with a token, send events, read an account and its enforcement. */
final class Gateway {

    static final String MODERATOR = DevTokens.token("moderator", "mod-e2e");

    private Gateway() {
    }

    static RequestSpecification api(String token) {
        return given().baseUri(Suite.gateway()).auth().oauth2(token);
    }

    /** Sends events as one JSON array; every one must be accepted. */
    static void send(List<String> events) {
        api(DevTokens.token("ingest", "e2e-integrator")).contentType("application/json").body("[" + String.join(",", events) + "]")
                .when().post("/api/v1/events").then().statusCode(202).body("accepted", equalTo(events.size()));
    }

    static JsonPath account(String id) {
        return api(MODERATOR).when().get("/api/v1/accounts/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The account's newest enforcement, or null. */
    static Map<String, Object> enforcementOf(String account) {
        List<Map<String, Object>> list = api(MODERATOR).queryParam("accountId", account).when().get("/api/v1/enforcements")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return list.isEmpty() ? null : list.getFirst();
    }
}
