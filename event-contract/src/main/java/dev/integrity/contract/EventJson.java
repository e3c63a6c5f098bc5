package dev.integrity.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON form of {@link AccountEvent} shared by every service (e.g. on Kafka): ISO-8601 dates,
 * nulls omitted, unknown properties ignored.
 *
 * <p>{@link #fromBytes} binds without the contract's checks: use it for events that were already
 * validated (e.g. read back from Kafka), and {@link EventValidator} for input from integrators.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = mapping(JsonMapper.builder())
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private EventJson() {
    }

    /**
     * The contract's mapping on a mapper builder of any format (names, ISO-8601 times, nulls
     * omitted, unknown properties ignored): one home for it, also for a binary form of the same
     * mapping that a service keeps internally.
     */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B mapping(B builder) {
        return builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }

    /** The shared mapper. Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(AccountEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.eventId(), e);
        }
    }

    public static String toJson(AccountEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.eventId(), e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not a JSON account event */
    public static AccountEvent fromBytes(byte[] json) {
        try {
            return MAPPER.readValue(json, AccountEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON account event: " + e.getMessage(), e);
        }
    }
}
