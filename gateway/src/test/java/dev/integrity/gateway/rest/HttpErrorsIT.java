package dev.integrity.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Errors outside the routes' own logic are problem+json too: size limit, unknown path, wrong method, media type. */
@QuarkusTest
class HttpErrorsIT {

    @Test
    void aBodyOverTenMebibytesIs413BeforeItIsRead() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body(big)
                .when().post("/api/v1/events")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("type", equalTo("https://integrity.dev/problems/payload-too-large"));
    }

    @Test
    void anotherMediaTypeIs415() {
        given().auth().oauth2(Tokens.ingest()).contentType("text/csv").body("a,b")
                .when().post("/api/v1/events")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://integrity.dev/problems/unsupported-media-type"));
    }

    @Test
    void aWrongMethodIs405() {
        given().auth().oauth2(Tokens.ingest()).when().delete("/api/v1/events")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://integrity.dev/problems/method-not-allowed"));
    }

    @Test
    void anUnknownApiPathIs404() {
        given().auth().oauth2(Tokens.ingest()).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("https://integrity.dev/problems/not-found"));
    }

    @Test
    void aPathParameterThatIsNotAnIdIs404() {
        given().auth().oauth2(Tokens.moderator())
                .when().get("/api/v1/accounts/a%20b%2F..")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
