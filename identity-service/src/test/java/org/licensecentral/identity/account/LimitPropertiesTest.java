package org.licensecentral.identity.account;

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
    void aMailedCodeIsAcceptedForThirtyMinutesAndFiveTries() throws IOException {
        assertThat(bind("licensecentral.identity.codes", CodeLimits.class))
                .isEqualTo(new CodeLimits(Duration.ofMinutes(30), 5));
    }

    @Test
    void anAccountGetsThreeMailsOfAKindPerHour() throws IOException {
        assertThat(bind("licensecentral.identity.mail-caps", MailCaps.class))
                .isEqualTo(new MailCaps(3, Duration.ofHours(1)));
    }

    @Test
    void loginsAllowTwentyFailuresPerAddressAndFivePerAccountBeforeGrowingWaits() throws IOException {
        assertThat(bind("licensecentral.identity.failed-logins", LoginLimits.class))
                .isEqualTo(new LoginLimits(
                        20,
                        Duration.ofMinutes(15),
                        new LoginLimits.PerAccount(
                                5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24))));
    }
}
