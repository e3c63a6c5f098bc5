package dev.integrity.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads a process's CPU time and resident memory from Linux's /proc. */
public final class ProcFs {

    /** CPU time (user + system) in clock ticks and resident set size in kB, read together. */
    public record Usage(long cpuTicks, long rssKb) {
    }

    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** The process's usage now; empty if it is gone (or /proc cannot be read). */
    public Optional<Usage> read(long pid) {
        try {
            Path dir = root.resolve(Long.toString(pid));
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            String status = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8);
            return Optional.of(new Usage(cpuTicks(stat), rssKb(status)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}) in clock ticks. The command name
     * (field 2) is in parentheses and may itself hold spaces and parentheses, so fields are counted
     * from the last ')'.
     */
    public static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(stat));
        }
        String[] fields = stat.substring(close + 1).strip().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        if (fields.length < 13) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + abbreviate(stat));
        }
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** The {@code VmRSS:} line of {@code /proc/<pid>/status} in kB; 0 when absent (a kernel thread or a zombie). */
    public static long rssKb(String status) {
        for (String line : status.split("\\R")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                long value = Long.parseLong(parts[0]);
                String unit = parts.length > 1 ? parts[1] : "kB";
                return switch (unit) {
                    case "kB" -> value;
                    case "mB", "MB" -> value * 1024;
                    case "gB", "GB" -> value * 1024 * 1024;
                    default -> value;
                };
            }
        }
        return 0;
    }

    /** Pids, one per line (as {@code pgrep} prints them), without {@code except}. */
    public static List<Long> pids(String lines, long except) {
        List<Long> pids = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                long pid = Long.parseLong(s);
                if (pid != except) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    /** The pid in a pid file ({@code .suite/pids/<component>}); empty when missing or not a number. */
    public static Optional<Long> pidFile(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() || !s.chars().allMatch(Character::isDigit) ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code pgrep -f PATTERN}: the pids whose command line matches; empty if pgrep is missing or finds none. */
    public static List<Long> pgrep(String pattern) {
        try {
            Process p = new ProcessBuilder("pgrep", "-f", pattern).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return pids(out, ProcessHandle.current().pid());
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100, Linux's usual value, if that cannot be asked. */
    public static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() && out.chars().allMatch(Character::isDigit)) {
                long ticks = Long.parseLong(out);
                return ticks > 0 ? ticks : 100;
            }
        } catch (IOException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    private static String abbreviate(String s) {
        String one = s.strip();
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
