package org.licensecentral.license.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The encoder the attach request's command handler takes as a parameter (the clock is the platform's). */
@Configuration(proxyBeanMethods = false)
class CommandSupportConfig {

    /** Attach codes are kept only as salted BCrypt hashes. */
    @Bean
    PasswordEncoder attachCodeEncoder() {
        return new BCryptPasswordEncoder();
    }
}
