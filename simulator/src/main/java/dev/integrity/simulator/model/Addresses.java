package dev.integrity.simulator.model;

/**
 * IP addresses and device ids, derived from hashes so that an account keeps its addresses for the
 * whole run. Residential users are spread over many networks; farms share a few datacenter
 * addresses; third-party apps act from their own servers.
 */
public final class Addresses {

    private static final int[] RESIDENTIAL_FIRST_OCTETS = {24, 31, 37, 46, 62, 67, 73, 77, 78, 79, 80, 81, 82, 84, 85, 86,
            87, 88, 89, 90, 91, 92, 93, 94, 95, 98, 109, 151, 176, 178, 188, 189, 201, 212, 213, 217};
    private static final int[] DATACENTER_PREFIXES = {45, 104, 138, 139, 143, 159, 165, 167, 178, 185, 188, 192, 193, 194};

    private Addresses() {
    }

    /** A home or mobile address: IPv4 mostly, IPv6 for about one in six. */
    public static String residential(long hash) {
        if (Seeds.below(hash, 6) == 0) {
            long h = Seeds.mix(hash, 6);
            return String.format("2a02:%x:%x:%x::%x", 0x8000 | (h & 0x7fff), (h >>> 16) & 0xffff, (h >>> 32) & 0xffff,
                    1 + ((h >>> 48) & 0xfffe));
        }
        long h = Seeds.mix(hash, 4);
        int first = RESIDENTIAL_FIRST_OCTETS[Seeds.below(h, RESIDENTIAL_FIRST_OCTETS.length)];
        return first + "." + ((h >>> 8) & 0xff) + "." + ((h >>> 16) & 0xff) + "." + (1 + ((h >>> 24) & 0xff) % 254);
    }

    /** A cloud or hosting address, as farms and automation services use. */
    public static String datacenter(long hash) {
        long h = Seeds.mix(hash, 7);
        int first = DATACENTER_PREFIXES[Seeds.below(h, DATACENTER_PREFIXES.length)];
        return first + "." + ((h >>> 8) & 0xff) + "." + ((h >>> 16) & 0xff) + "." + (1 + ((h >>> 24) & 0xff) % 254);
    }

    /** One of an app's server addresses: where a third-party app's actions come from. */
    public static String appServer(String app, int k) {
        return datacenter(Seeds.mix(Seeds.stream(app), k % 4));
    }

    /** A device id of the kind the client app would report. */
    public static String device(String clientApp, long hash) {
        String prefix = switch (clientApp == null ? "" : clientApp) {
            case "official-ios" -> "ios-";
            case "official-android" -> "and-";
            case "official-web" -> "web-";
            default -> "dev-";
        };
        return prefix + String.format("%016x", Seeds.mix(hash, 11));
    }
}
