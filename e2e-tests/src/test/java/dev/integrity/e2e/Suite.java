package dev.integrity.e2e;

/** Where the running suite is, from the same environment variables ./suite uses. */
final class Suite {

    private Suite() {
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String gateway() {
        return "http://127.0.0.1:" + env("GATEWAY_PORT", "8080");
    }

    static String kafka() {
        return env("KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    static String issuer() {
        return env("JWT_ISSUER", "https://integrity.local/dev");
    }
}
