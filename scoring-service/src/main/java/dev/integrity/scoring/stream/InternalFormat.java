package dev.integrity.scoring.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;

import dev.integrity.contract.EventJson;

/**
 * The encoding of what only scoring itself reads: the feature store's counters and the snapshots
 * and reach-backs between its store and its decider. Smile, Jackson's binary form of JSON, with the
 * contract's mapping (same names, times and null handling): a third of the size of the JSON and
 * cheaper to read and write, which matters because every event costs one read and one write of its
 * account's counters and one snapshot. Public topics stay JSON.
 */
public final class InternalFormat {

    private static final ObjectMapper MAPPER = EventJson.mapping(SmileMapper.builder()).build();

    private InternalFormat() {
    }

    /** Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
