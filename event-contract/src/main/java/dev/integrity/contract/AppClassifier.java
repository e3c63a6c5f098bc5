package dev.integrity.contract;

import java.util.Set;

/** Tells first-party client apps from third-party ones. */
public final class AppClassifier {

    /**
     * The first-party apps of the contract's default configuration, comma-separated: a compile-time
     * constant, so that the services' config mappings name it in their {@code @WithDefault}.
     */
    public static final String DEFAULT_FIRST_PARTY = "official-ios,official-android,official-web";

    /** The same apps as a set. */
    public static final Set<String> DEFAULT_FIRST_PARTY_APPS = Set.of(DEFAULT_FIRST_PARTY.split(","));

    private final Set<String> firstPartyApps;

    public AppClassifier(Set<String> firstPartyApps) {
        this.firstPartyApps = Set.copyOf(firstPartyApps);
    }

    public static AppClassifier defaults() {
        return new AppClassifier(DEFAULT_FIRST_PARTY_APPS);
    }

    /** A missing or blank {@code clientAppId} means the platform's own apps: first-party. */
    public boolean isThirdParty(String clientAppId) {
        return clientAppId != null && !clientAppId.isBlank() && !firstPartyApps.contains(clientAppId);
    }

    public Set<String> firstPartyApps() {
        return firstPartyApps;
    }
}
