package org.licensecentral.activation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActivationServiceApplication.class, args);
    }
}
