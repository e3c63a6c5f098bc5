package dev.integrity.contract;

/**
 * Strict textual checks for IP address literals. Pure string parsing: never resolves a name.
 *
 * <p>IPv4 is dotted-decimal with exactly four parts of 0..255 and no leading zeros (a leading zero
 * is read as octal by some software). IPv6 follows RFC 4291 section 2.2: eight groups of 1 to 4
 * hex digits, at most one {@code ::}, optionally ending in an embedded IPv4 address. Zone ids
 * ({@code fe80::1%eth0}), brackets, prefixes and surrounding spaces are rejected.
 */
final class IpLiterals {

    private static final int MAX_IPV6_LENGTH = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255".length();

    private IpLiterals() {
    }

    static boolean isValid(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!isIpv4Part(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Part(String part) {
        if (part.isEmpty() || part.length() > 3 || !allMatch(part, "0123456789")) {
            return false;
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            return false;
        }
        return Integer.parseInt(part) <= 255;
    }

    static boolean isIpv6(String text) {
        if (text.isEmpty() || text.length() > MAX_IPV6_LENGTH) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap < 0) {
            return groupCount(text) == 8;
        }
        if (text.indexOf("::", gap + 1) >= 0) {
            return false; // a second "::" (or ":::")
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        if (head.contains(".")) {
            return false; // an embedded IPv4 address may only come last
        }
        int headGroups = head.isEmpty() ? 0 : groupCount(head);
        int tailGroups = tail.isEmpty() ? 0 : groupCount(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
    }

    /** The number of 16-bit groups in colon-separated text (an embedded IPv4 counts as two), or -1. */
    private static int groupCount(String text) {
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (last && group.contains(".")) {
                if (!isIpv4(group)) {
                    return -1;
                }
                count += 2;
            } else if (!group.isEmpty() && group.length() <= 4 && allMatch(group, "0123456789abcdefABCDEF")) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    private static boolean allMatch(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            if (allowed.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
