package dev.integrity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @TempDir
    Path dir;

    // a real line (Linux 6.x, a JVM) with the command name changed to hold spaces and parentheses
    private static final String STAT = "4242 (java (kafka) x) S 1 4242 4242 0 -1 4194560 1189403 0 3 0 73015 2112 0 0 20 0 68 0 "
            + "1543210 5421617152 101378 18446744073709551615 1 1 0 0 0 0 4 0 16800975 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            Tgid:\t4242
            VmPeak:\t 5433624 kB
            VmSize:\t 5294548 kB
            VmHWM:\t  410112 kB
            VmRSS:\t  405512 kB
            RssAnon:\t  380000 kB
            Threads:\t68
            """;

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesis() {
        assertEquals(73015 + 2112, ProcFs.cpuTicks(STAT));
        assertEquals(7 + 3, ProcFs.cpuTicks("1 (init) S 0 1 1 0 -1 4194560 100 200 1 2 7 3 0 0 20 0 1 0 5 100 50"));
        assertThrows(IllegalArgumentException.class, () -> ProcFs.cpuTicks("no parenthesis here"));
        assertThrows(IllegalArgumentException.class, () -> ProcFs.cpuTicks("1 (x) S 0 1"));
    }

    @Test
    void rssIsTheVmRssLineInKilobytes() {
        assertEquals(405512, ProcFs.rssKb(STATUS));
        assertEquals(0, ProcFs.rssKb("Name:\tkthreadd\nState:\tS (sleeping)\n")); // kernel threads have none
    }

    @Test
    void pidsAndPidFiles() throws IOException {
        assertEquals(List.of(12L, 345L), ProcFs.pids("12\n99\n345\n\nnot-a-pid\n", 99));
        Path file = dir.resolve("kafka");
        Files.writeString(file, "4242\n");
        assertEquals(Optional.of(4242L), ProcFs.pidFile(file));
        Files.writeString(file, "");
        assertEquals(Optional.empty(), ProcFs.pidFile(file));
        assertEquals(Optional.empty(), ProcFs.pidFile(dir.resolve("missing")));
    }

    @Test
    void readsAProcessFromAProcFolder() throws IOException {
        Path p = Files.createDirectories(dir.resolve("proc/4242"));
        Files.writeString(p.resolve("stat"), STAT);
        Files.writeString(p.resolve("status"), STATUS);
        ProcFs proc = new ProcFs(dir.resolve("proc"));
        assertEquals(Optional.of(new ProcFs.Usage(75127, 405512)), proc.read(4242));
        assertEquals(Optional.empty(), proc.read(1)); // gone
    }

    @Test
    void readsThisJvmFromTheRealProc() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        ProcFs.Usage me = ProcFs.system().read(ProcessHandle.current().pid()).orElseThrow();
        assertTrue(me.rssKb() > 10_000, "a JVM uses more than 10 MB: " + me);
        assertTrue(me.cpuTicks() > 0);
        assertTrue(ProcFs.clockTicksPerSecond() > 0);
    }

    @Test
    void cpuPercentAndMemoryOverAPhase() throws IOException {
        Path proc = dir.resolve("proc");
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Files.writeString(pids.resolve("ingest"), "10\n");
        Files.writeString(pids.resolve("kafka"), "20\n"); // kafka's process is gone
        write(proc, 10, 1000, 300_000);
        write(proc, 30, 50, 20_000); // postgres
        write(proc, 31, 10, 10_000);
        write(proc, 99, 500, 200_000); // the benchmark itself
        List<Long> postgres = new java.util.ArrayList<>(List.of(30L, 31L));
        Processes processes = new Processes(new ProcFs(proc), pids, () -> List.copyOf(postgres), 99);

        Processes.Snapshot start = processes.snapshot();
        write(proc, 10, 1000 + 150, 500_000); // 150 ticks
        write(proc, 30, 50 + 100, 25_000);
        postgres.remove(Long.valueOf(31)); // 31 ended
        postgres.add(32L); // a new backend, 40 ticks so far
        write(proc, 32, 40, 5_000);
        Processes.Snapshot middle = processes.snapshot();
        write(proc, 10, 1000 + 200, 350_000);
        Processes.Snapshot end = processes.snapshot();
        Processes.Snapshot shifted = new Processes.Snapshot(start.nanos() + 2_000_000_000L, end.byComponent()); // 2 s later
        Processes.Snapshot mid = new Processes.Snapshot(start.nanos() + 1_000_000_000L, middle.byComponent());

        Map<String, Processes.Usage> u = new java.util.LinkedHashMap<>();
        Processes.between(start, shifted, List.of(mid), 100).forEach(x -> u.put(x.component(), x));
        assertEquals(Processes.components(), List.copyOf(u.keySet()));
        assertEquals(100.0, u.get("ingest").cpuPercent(), 1e-9); // 200 ticks at 100/s over 2 s
        assertEquals(350_000L, u.get("ingest").rssKb());
        assertEquals(500_000L, u.get("ingest").maxRssKb()); // the peak in between
        assertEquals(List.of(10L), u.get("ingest").pids());
        assertEquals(70.0, u.get("postgres").cpuPercent(), 1e-9); // 100 ticks of 30 + all 40 of the new 32 over 2 s
        assertEquals(30_000L, u.get("postgres").rssKb());
        assertNull(u.get("kafka").cpuPercent());
        assertTrue(u.get("kafka").pids().isEmpty());
        assertNull(u.get("notify").rssKb());
        assertEquals(0.0, u.get(Processes.SELF).cpuPercent(), 1e-9);
    }

    private static void write(Path proc, long pid, long ticks, long rssKb) throws IOException {
        Path p = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(p.resolve("stat"), pid + " (x) S 1 1 1 0 -1 0 0 0 0 0 " + (ticks - ticks / 3) + " " + ticks / 3 + " 0 0 20 0 1 0 5 1 1");
        Files.writeString(p.resolve("status"), "Name:\tx\nVmRSS:\t" + rssKb + " kB\n");
    }
}
