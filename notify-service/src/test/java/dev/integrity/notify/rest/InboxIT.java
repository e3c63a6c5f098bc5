package dev.integrity.notify.rest;

import static dev.integrity.notify.support.Inbox.awaitSize;
import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.support.Inbox;
import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The inbox API: rendering per reader's language, paging rules, read marks, problem+json errors. */
@QuarkusTest
class InboxIT {

    private static String accountWithOneWarning() {
        String account = newAccount();
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.warning(newEnforcementId(), account, 1, List.of("followboost"), Instant.now().minusSeconds(60)));
        awaitSize(account, 1);
        return account;
    }

    @Test
    void germanAndEnglishRenderFromTheSameStoredMessage() {
        String account = accountWithOneWarning();
        String id = Inbox.get(account, "en").then().statusCode(200).extract().path("[0].id");

        rendered(account, "de-DE,de;q=0.9,en;q=0.5", id, "de", "Wir haben nicht authentische Aktivitäten von Ihrem Konto entfernt",
                "über die Drittanbieter-App „followboost“ ausgeführt",
                "Wir haben 12 Abonnements, 30 „Gefällt mir“-Angaben und 4 Kommentare entfernt.",
                "Ändern Sie Ihr Passwort.", "Trennen Sie „followboost“", "letzte Warnung")
                .body("[0].kind", equalTo("INAUTHENTIC_ACTIVITY_WARNING"))
                .body("[0].actions", equalTo(List.of("CHANGE_PASSWORD", "REVIEW_CONNECTED_APPS")))
                .body("[0].apps", equalTo(List.of("followboost")));

        rendered(account, "en-GB", id, "en", "We removed inauthentic activity from your account",
                "through the third-party app “followboost”", "We removed 12 follows, 30 likes and 4 comments.",
                "Change your password.", "Disconnect “followboost”", "final warning");
    }

    /** The account's newest message as read in a language: the same message, in that locale, with this title and these parts of its body. */
    private static ValidatableResponse rendered(String account, String acceptLanguage, String id, String locale, String title,
            String... bodyParts) {
        ValidatableResponse answer = Inbox.get(account, acceptLanguage).then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].locale", equalTo(locale))
                .body("[0].title", equalTo(title));
        for (String part : bodyParts) {
            answer.body("[0].body", containsString(part));
        }
        return answer;
    }

    @Test
    void anUnsupportedOrMissingLanguageFallsBackToEnglish() {
        String account = accountWithOneWarning();
        Inbox.get(account, "fr-FR,fr;q=0.9").then().statusCode(200).body("[0].locale", equalTo("en"));
        Inbox.get(account, null).then().statusCode(200).body("[0].locale", equalTo("en"));
        Inbox.get(account, ";;;not a header").then().statusCode(200).body("[0].locale", equalTo("en"));
    }

    @Test
    void anUnknownAccountHasAnEmptyInbox() {
        Inbox.get(newAccount(), "en").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void badPagingParametersAreProblems() {
        String account = newAccount();
        for (String query : List.of("page=-1", "page=abc", "size=0", "size=-5", "size=x")) {
            given().auth().oauth2(Tokens.user(account)).when().get("/accounts/{id}/notifications?" + query, account)
                    .then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("title", equalTo("Bad Request"))
                    .body("detail", notNullValue());
        }
        given().auth().oauth2(Tokens.user(account)).when().get("/accounts/{id}/notifications?page=0&size=100000", account)
                .then().statusCode(200).body("size()", lessThanOrEqualTo(100));
        given().auth().oauth2(Tokens.moderator()).when().get("/accounts/{id}/notifications", "not valid!")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void pagesAreNewestFirstAndDoNotOverlap() {
        String account = newAccount();
        Instant at = Instant.now().minusSeconds(60);
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.warning(newEnforcementId(), account, 1, List.of("a"), at),
                TestData.warning(newEnforcementId(), account, 2, List.of("a"), at.plusSeconds(1)));
        awaitSize(account, 2);
        given().auth().oauth2(Tokens.user(account)).when().get("/accounts/{id}/notifications?page=0&size=1", account)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].kind", equalTo("FINAL_WARNING"));
        given().auth().oauth2(Tokens.user(account)).when().get("/accounts/{id}/notifications?page=1&size=1", account)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].kind", equalTo("INAUTHENTIC_ACTIVITY_WARNING"));
        given().auth().oauth2(Tokens.user(account)).when().get("/accounts/{id}/notifications?page=2&size=1", account)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void markingReadIs204AndAnotherAccountsMessageIsNotFound() {
        String account = accountWithOneWarning();
        String id = Inbox.get(account, "en").then().extract().path("[0].id");

        given().auth().oauth2(Tokens.user(account)).when().post("/accounts/{id}/notifications/{nid}/read", account, id).then().statusCode(204);
        String readAt = Inbox.get(account, "en").then().body("[0].readAt", notNullValue()).extract().path("[0].readAt");
        given().auth().oauth2(Tokens.user(account)).when().post("/accounts/{id}/notifications/{nid}/read", account, id).then().statusCode(204);
        Inbox.get(account, "en").then().body("[0].readAt", equalTo(readAt));

        String other = newAccount();
        given().auth().oauth2(Tokens.user(other)).when().post("/accounts/{id}/notifications/{nid}/read", other, id)
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString(id));
        given().auth().oauth2(Tokens.user(account)).when().post("/accounts/{id}/notifications/{nid}/read", account, "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        Inbox.get(account, "en").then().body("[0].resolvedAt", nullValue()).body("[0].id", not(equalTo("")));
    }
}
