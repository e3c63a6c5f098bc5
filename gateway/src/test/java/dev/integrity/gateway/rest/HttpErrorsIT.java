package dev.integrity.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** Errors outside the routes' own logic are problem+json too: size limit, unknown path, wrong method, media type. */
@QuarkusTest
class HttpErrorsIT {

    private static String ingest() {
        return Jwt.subject("integrator-1").groups(Set.of("ingest")).expiresIn(300).sign();
    }

    @Test
    void aBodyOverTenMebibytesIs413BeforeItIsRead() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(ingest()).contentType("application/json").body(big)
                .when().post("/api/v1/events")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("type", equalTo("https://integrity.dev/problems/payload-too-large"));
    }

    @Test
    void anotherMediaTypeIs415() {
        given().auth().oauth2(ingest()).contentType("text/csv").body("a,b")
                .when().post("/api/v1/events")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://integrity.dev/problems/unsupported-media-type"));
    }

    @Test
    void aWrongMethodIs405() {
        given().auth().oauth2(ingest()).when().delete("/api/v1/events")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://integrity.dev/problems/method-not-allowed"));
    }

    @Test
    void anUnknownApiPathIs404() {
        given().auth().oauth2(ingest()).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("https://integrity.dev/problems/not-found"));
    }

    @Test
    void aPathParameterThatIsNotAnIdIs404() {
        given().auth().oauth2(Jwt.subject("mod-1").groups(Set.of("moderator")).expiresIn(300).sign())
                .when().get("/api/v1/accounts/a%20b%2F..")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
