package org.licensecentral.license.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans the aggregates' command handlers take as parameters. */
@Configuration(proxyBeanMethods = false)
class CommandSupportConfig {

    /** Attach codes are kept only as salted BCrypt hashes. */
    @Bean
    PasswordEncoder attachCodeEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
