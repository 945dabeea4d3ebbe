package org.licensecentral.activation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The limits' defaults in application.yml bind to their records with the values the README lists. */
class LimitPropertiesTest {

    private static <T> T bind(String prefix, Class<T> type) throws IOException {
        var defaults = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .get(0);
        return new Binder(ConfigurationPropertySources.from(defaults))
                .bind(prefix, type)
                .get();
    }

    @Test
    void failedAttemptsAllowFiftyPerAddressAndTenPerKeyInTenMinutes() throws IOException {
        assertThat(bind("licensecentral.activation.failed-attempts", FailedAttemptLimits.class))
                .isEqualTo(new FailedAttemptLimits(50, 10, Duration.ofMinutes(10)));
    }

    @Test
    void aLedgerIsSnapshottedEveryFiftyEvents() throws IOException {
        assertThat(bind("licensecentral.activation.ledger", LedgerProperties.class))
                .isEqualTo(new LedgerProperties(50));
    }

    @Test
    void leasesRunSevenDaysOnlineAndAYearOffline() throws IOException {
        assertThat(bind("licensecentral.activation.leases", LeasePolicy.class))
                .isEqualTo(new LeasePolicy(
                        Duration.ofDays(7),
                        Duration.ofDays(365),
                        1,
                        Duration.ofDays(30),
                        Duration.ofHours(24),
                        Duration.ofMinutes(5)));
    }
}
