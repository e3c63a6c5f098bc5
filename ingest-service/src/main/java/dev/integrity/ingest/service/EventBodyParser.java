package dev.integrity.ingest.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.model.RawEvent;

/**
 * Splits a request body into its events: one JSON object, a JSON array of objects, or NDJSON.
 * A malformed JSON document is rejected whole with its position; in NDJSON a malformed line is
 * rejected alone, since the other lines stand by themselves.
 */
@ApplicationScoped
public class EventBodyParser {

    public static final String NDJSON = "application/x-ndjson";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final int maxBatchSize;

    public EventBodyParser(IngestConfig config) {
        this.maxBatchSize = config.maxBatchSize();
    }

    public List<RawEvent> parse(byte[] body, boolean ndjson) {
        if (isBlank(body)) {
            throw BodyRejectedException.malformed("The request body is empty: send one event, a JSON array of events, or NDJSON.");
        }
        return ndjson ? parseNdjson(body) : parseJson(body);
    }

    private List<RawEvent> parseJson(byte[] body) {
        List<RawEvent> events = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                events.add(RawEvent.parsed(0, mapper.readTree(parser)));
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (events.size() == maxBatchSize) {
                        throw tooManyEvents();
                    }
                    events.add(RawEvent.parsed(events.size(), mapper.readTree(parser)));
                }
            } else {
                throw BodyRejectedException.malformed("The body must be a JSON object or an array of objects, not " + describe(first) + ".");
            }
            if (parser.nextToken() != null) {
                throw BodyRejectedException.malformed("Unexpected content after the JSON value " + position(parser.currentTokenLocation()) + ".");
            }
        } catch (JsonProcessingException e) {
            throw BodyRejectedException.malformed("Malformed JSON " + position(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw BodyRejectedException.malformed("Unreadable body: " + e.getMessage());
        }
        if (events.isEmpty()) {
            throw BodyRejectedException.malformed("The array holds no events.");
        }
        return events;
    }

    private List<RawEvent> parseNdjson(byte[] body) {
        List<RawEvent> events = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            if (!isBlank(body, start, end)) {
                if (events.size() == maxBatchSize) {
                    throw tooManyEvents();
                }
                events.add(parseLine(body, start, end, events.size(), lineNumber));
            }
            start = end + 1;
        }
        if (events.isEmpty()) {
            throw BodyRejectedException.malformed("The NDJSON body holds no events.");
        }
        return events;
    }

    private RawEvent parseLine(byte[] body, int start, int end, int index, int lineNumber) {
        try (JsonParser parser = mapper.createParser(body, start, end - start)) {
            JsonNode node = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                return RawEvent.unreadable(index, "line " + lineNumber + ": unexpected content after the JSON value");
            }
            return RawEvent.parsed(index, node);
        } catch (JsonProcessingException e) {
            return RawEvent.unreadable(index, "line " + lineNumber + ": malformed JSON at column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return RawEvent.unreadable(index, "line " + lineNumber + ": unreadable: " + e.getMessage());
        }
    }

    private BodyRejectedException tooManyEvents() {
        return BodyRejectedException.tooLarge("A request may hold at most " + maxBatchSize + " events; split the batch.");
    }

    private static String position(JsonLocation location) {
        if (location == null) {
            return "";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes) {
        return isBlank(bytes, 0, bytes.length);
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }
}
