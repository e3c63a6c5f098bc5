package dev.integrity.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AppClassifierTest {

    @Test
    void defaultsTreatTheOfficialAppsAsFirstParty() {
        AppClassifier apps = AppClassifier.defaults();

        assertFalse(apps.isThirdParty("official-ios"));
        assertFalse(apps.isThirdParty("official-android"));
        assertFalse(apps.isThirdParty("official-web"));
        assertTrue(apps.isThirdParty("followboost"));
        assertTrue(apps.isThirdParty("Official-iOS"));
    }

    @Test
    void noAppMeansFirstParty() {
        AppClassifier apps = AppClassifier.defaults();

        assertFalse(apps.isThirdParty(null));
        assertFalse(apps.isThirdParty(""));
        assertFalse(apps.isThirdParty("  "));
    }

    @Test
    void usesTheConfiguredApps() {
        AppClassifier apps = new AppClassifier(Set.of("house-app"));

        assertFalse(apps.isThirdParty("house-app"));
        assertTrue(apps.isThirdParty("official-ios"));
    }
}
