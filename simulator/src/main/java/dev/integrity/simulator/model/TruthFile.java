package dev.integrity.simulator.model;

import dev.integrity.contract.EventJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the ground truth: CSV ({@code accountId,archetype,label,group,boughtFollowers,app}),
 * or JSON lines when the file name ends in {@code .jsonl} or {@code .ndjson}.
 */
public final class TruthFile {

    static final String HEADER = "accountId,archetype,label,group,boughtFollowers,app";

    private TruthFile() {
    }

    public static void write(Path file, List<TruthRecord> truth) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (isJsonLines(file)) {
                for (TruthRecord t : truth) {
                    w.write(EventJson.mapper().writeValueAsString(t));
                    w.newLine();
                }
                return;
            }
            w.write(HEADER);
            w.newLine();
            for (TruthRecord t : truth) {
                w.write(String.join(",", t.accountId(), t.archetype().name(), String.valueOf(t.label()), t.group(),
                        String.valueOf(t.boughtFollowers()), t.app()));
                w.newLine();
            }
        }
    }

    public static List<TruthRecord> read(Path file) throws IOException {
        List<TruthRecord> truth = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (isJsonLines(file)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        truth.add(EventJson.mapper().readValue(line, TruthRecord.class));
                    }
                }
                return truth;
            }
            String header = r.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IOException(file + " is not a truth file: its header must be " + HEADER);
            }
            String line;
            int lineNumber = 1;
            while ((line = r.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    truth.add(parse(file, lineNumber, line));
                }
            }
        }
        return truth;
    }

    private static TruthRecord parse(Path file, int lineNumber, String line) throws IOException {
        String[] cells = line.split(",", -1);
        if (cells.length != 6) {
            throw new IOException(file + " line " + lineNumber + ": expected 6 columns, found " + cells.length);
        }
        try {
            return new TruthRecord(cells[0], Archetype.valueOf(cells[1].strip().toUpperCase(Locale.ROOT)),
                    Integer.parseInt(cells[2].strip()), cells[3].strip(), Long.parseLong(cells[4].strip()), cells[5].strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + lineNumber + ": " + e.getMessage() + " in " + Arrays.toString(cells));
        }
    }

    private static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }
}
