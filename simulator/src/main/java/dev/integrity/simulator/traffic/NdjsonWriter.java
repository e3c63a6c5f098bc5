package dev.integrity.simulator.traffic;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** Writes events as NDJSON, one event a line, streaming. */
public final class NdjsonWriter {

    private NdjsonWriter() {
    }

    /** @return how many events were written */
    public static long write(Path file, Iterator<AccountEvent> events) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long n = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            while (events.hasNext()) {
                out.write(EventJson.toBytes(events.next()));
                out.write('\n');
                n++;
            }
        }
        return n;
    }
}
