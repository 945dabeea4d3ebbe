package org.licensecentral.identity.config;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the registered clients need from the deployment: their secrets, which the registrations in
 * {@code application.yml} read, and by client id the {@code aud} of the access tokens issued to the
 * client, the API they are for (issue 15, finding 7). The secrets have no default anywhere in the
 * service (issue 15, finding 1): without them it does not start, and says which variable to set.
 */
@Validated
@ConfigurationProperties("licensecentral.identity")
record ClientProperties(
        @NotBlank(
                message = "licensecentral.identity.gateway-client-secret is required: "
                        + "set the environment variable LICENSECENTRAL_IDENTITY_GATEWAY_CLIENT_SECRET")
        String gatewayClientSecret,

        @NotBlank(
                message = "licensecentral.identity.internal-client-secret is required: "
                        + "set the environment variable LICENSECENTRAL_IDENTITY_INTERNAL_CLIENT_SECRET")
        String internalClientSecret,

        Map<String, String> accessTokenAudiences) {

    ClientProperties {
        accessTokenAudiences = accessTokenAudiences == null ? Map.of() : Map.copyOf(accessTokenAudiences);
    }
}
