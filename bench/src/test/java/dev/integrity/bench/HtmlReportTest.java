package dev.integrity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.EventJson;
import dev.integrity.simulator.evaluation.EvaluationReport;
import dev.integrity.simulator.evaluation.ReportJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlReportTest {

    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** Each inline SVG, parsed as XML (so: well-formed, escaped). */
    private static List<Document> svgs(String html) throws Exception {
        List<Document> docs = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        while (m.find()) {
            docs.add(f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8))));
        }
        return docs;
    }

    private static void selfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.strip().endsWith("</html>"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("src="), "nothing loaded");
        assertFalse(html.contains("<link"), "no stylesheets from elsewhere");
        assertFalse(html.contains("@import"));
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutNamespace.contains("http://www.w3") || withoutNamespace.contains("https://"), "no external resources");
        assertEquals(html.split("<svg\\b", -1).length - 1, html.split("</svg>", -1).length - 1, "every svg is closed");
    }

    @Test
    void aFullReportHasItsChartsAsWellFormedSvg() throws Exception {
        String html = HtmlReport.render(ReportSamples.full());
        selfContained(html);
        List<Document> svgs = svgs(html);
        assertEquals(5, svgs.size(), "throughput, lag, latency buckets, percentiles, CPU (no evaluation: no detection chart)");
        for (Document d : svgs) {
            assertEquals("svg", d.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
            assertTrue(d.getDocumentElement().getAttribute("viewBox").matches("0 0 \\d+ \\d+"));
        }
        Document throughput = svgs.get(0);
        assertTrue(throughput.getElementsByTagName("polyline").getLength() >= 3, "baseline, pipeline and fixed-rate lines");
        Document lag = svgs.get(1);
        assertTrue(lag.getElementsByTagName("polyline").getLength() >= 4, "two groups, each broken once by a missing sample");
        Document buckets = svgs.get(2);
        assertEquals(5 + 1 + 1, buckets.getElementsByTagName("rect").getLength(), "a bar per bucket, the background, the legend key");
        assertTrue(html.contains("accepted → decided (server: scoring's histogram, bucket diff)"), "clearly labelled");
        assertTrue(html.contains("send → 202 per batch (client, HdrHistogram)"));
        assertTrue(html.contains("a note with &lt;angle brackets&gt; &amp; an ampersand"));
        assertTrue(html.contains("<td class=\"notmet\">NOT MET</td>"));
        assertTrue(html.contains("<td class=\"met\">MET</td>"));
        assertTrue(html.contains("no evaluation found"));
        for (String points : html.split("points=\"")) {
            assertFalse(points.startsWith("NaN") || points.contains("NaN,") || points.contains(",NaN"), "no NaN coordinates");
        }
    }

    @Test
    void anEarlyErrorStillRendersAPage() throws Exception {
        String html = HtmlReport.render(ReportSamples.failedEarly());
        selfContained(html);
        assertTrue(html.contains("The run stopped early: cannot describe topic account-events"));
        assertTrue(html.contains("(c) did not run."));
        assertTrue(html.contains("no evaluation found"));
        svgs(html).forEach(d -> assertEquals("svg", d.getDocumentElement().getLocalName()));
    }

    @Test
    void detectionPerArchetypeFromASimulationsEvaluation() throws Exception {
        EvaluationReport evaluation = new EvaluationReport(Instant.parse("2026-11-22T09:00:00Z"), "http://127.0.0.1:8080", null,
                List.of(new EvaluationReport.ArchetypeRow("GENUINE", 0, false, 1400, 14, 0.01, 2, 0, 1386, 10, 4, 0, 0, 0, 0, 0),
                        new EvaluationReport.ArchetypeRow("BOT_FARM", 1, false, 180, 171, 0.95, 150, 10, 9, 20, 50, 101, 0, 4000, 300, 0),
                        new EvaluationReport.ArchetypeRow("EMPTY", 1, false, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                new EvaluationReport.Detection(171, 14, 229, 1386, 0.924, 0.4275, 0.58, 0.01),
                new EvaluationReport.Detection(150, 2, 250, 1398, 0.987, 0.375, 0.54, 0.001), null, List.of(), null, Map.of(), null, null,
                List.of());
        Path file = dir.resolve("evaluation.json");
        ReportJson.write(file, evaluation);

        BenchReport.Detection d = DetectionReader.read(file);
        assertTrue(d.found());
        assertEquals(0.924, d.flaggedPrecision(), 1e-12);
        assertEquals(0.375, d.enforcedRecall(), 1e-12);
        assertEquals(3, d.archetypes().size());
        assertEquals(new BenchReport.ArchetypeDetection("BOT_FARM", 1, 180, 171, 0.95, 150, 150 / 180.0), d.archetypes().get(1));
        assertEquals(null, d.archetypes().get(2).flaggedShare());

        String html = HtmlReport.render(ReportSamples.withDetection(ReportSamples.full(), d));
        selfContained(html);
        List<Document> svgs = svgs(html);
        assertEquals(6, svgs.size());
        Document chart = svgs.getLast();
        assertTrue(chart.getDocumentElement().getAttribute("aria-label").contains("flagged and enforced"));
        // two bars for each archetype with accounts (none for the empty one), the background and two legend keys
        assertEquals(4 + 1 + 2, chart.getElementsByTagName("rect").getLength());
        assertFalse(html.contains("no evaluation found"));

        Files.writeString(file, "{ not json");
        assertTrue(DetectionReader.read(file).note().startsWith("no evaluation found"));
        assertEquals("no evaluation found", DetectionReader.read(dir.resolve("missing.json")).note());
    }

    @Test
    void theJsonReportIsWrittenNextToTheHtml() throws Exception {
        BenchOutput.write(dir.resolve("bench"), ReportSamples.full());
        JsonNode json = EventJson.mapper().readTree(dir.resolve("bench/report.json").toFile());
        assertEquals(400_000.0, json.path("baseline").path("eventsPerSecond").asDouble());
        assertEquals(0.3, json.path("ratios").path("acceptedToBaseline").asDouble(), 1e-12);
        assertEquals("NOT_MET", json.path("targets").get(3).path("status").asText());
        assertEquals(150, json.path("timeline").size());
        assertTrue(json.path("fixedRate").path("acceptedToDecided").path("buckets").get(4).path("upperMs").isMissingNode(),
                "the +Inf bucket has no upper bound (null, left out)");
        assertTrue(Files.readString(dir.resolve("bench/report.html")).contains("<svg"));
    }

    @Test
    void niceTicksAndCompactNumbers() {
        assertEquals(List.of(0.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0, 100_000.0, 120_000.0, 140_000.0),
                java.util.Arrays.stream(Svg.niceTicks(0, 126_000, 6)).boxed().toList());
        double[] degenerate = Svg.niceTicks(0, 0, 6);
        assertEquals(0.0, degenerate[0]);
        assertEquals(1.0, degenerate[degenerate.length - 1], 1e-9);
        assertEquals("1.2M", Svg.compact(1_200_000));
        assertEquals("30k", Svg.compact(30_000));
        assertEquals("250", Svg.compact(250));
        assertEquals("0.5", Svg.compact(0.5));
        assertEquals("&lt;a &amp; b&gt; &quot;c&quot;", Markup.escape("<a & b> \"c\""));
    }
}
