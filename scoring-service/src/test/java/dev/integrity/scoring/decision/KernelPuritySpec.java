package dev.integrity.scoring.decision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The kernel stays pure: no framework imports and no reading of the wall clock, in any of its sources. */
class KernelPuritySpec {

    private static final Path KERNEL = Path.of("src/main/java/dev/integrity/scoring/decision");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(io\\.quarkus|io\\.vertx|io\\.smallrye|jakarta|org\\.eclipse\\.microprofile|org\\.jboss)\\."
                    + "|Instant\\.now\\(|System\\.currentTimeMillis|System\\.nanoTime|Clock\\.system|LocalDateTime\\.now|new Date\\(\\)");

    @Test
    void theDecisionPackageImportsNoFrameworkAndReadsNoClock() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(KERNEL)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 8, "the kernel's sources are where this test looks: " + KERNEL.toAbsolutePath());
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (FORBIDDEN.matcher(lines.get(i).trim()).find()) {
                    offences.add(source.getFileName() + ":" + (i + 1) + " " + lines.get(i).trim());
                }
            }
        }
        assertTrue(offences.isEmpty(), "framework imports or clock reads in the kernel: " + offences);
    }
}
