package dev.integrity.contract;

import java.util.Set;

/** Tells first-party client apps from third-party ones. */
public final class AppClassifier {

    /** The first-party apps of the contract's default configuration. */
    public static final Set<String> DEFAULT_FIRST_PARTY_APPS = Set.of("official-ios", "official-android", "official-web");

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
