package org.licensecentral.notification.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Period;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The reminders' defaults in application.yml bind to their record with the values the README lists. */
class ReminderPropertiesTest {

    @Test
    void remindersRunDailyAtSixAndWarnThirtyDaysAhead() throws IOException {
        var defaults = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .get(0);
        ReminderProperties reminders = new Binder(ConfigurationPropertySources.from(defaults))
                .bind("licensecentral.maintenance-reminders", ReminderProperties.class)
                .get();

        assertThat(reminders).isEqualTo(new ReminderProperties("0 0 6 * * *", Period.ofDays(30)));
    }
}
