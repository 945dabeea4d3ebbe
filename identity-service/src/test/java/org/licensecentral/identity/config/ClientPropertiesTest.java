package org.licensecentral.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The client secrets come from the deployment only (issue 15, finding 1). */
class ClientPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ClientProperties.class)
    static class Clients {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Clients.class);

    @Test
    void theServicesConfigurationHoldsNoClientSecretInAnyProfile() throws Exception {
        List<PropertySource<?>> documents =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));

        assertThat(documents).isNotEmpty().allSatisfy(document -> {
            assertThat(document.getProperty("licensecentral.identity.gateway-client-secret"))
                    .isNull();
            assertThat(document.getProperty("licensecentral.identity.internal-client-secret"))
                    .isNull();
        });
    }

    @Test
    void withoutTheGatewaySecretTheServiceDoesNotStartAndSaysWhatToSet() {
        context.withPropertyValues("licensecentral.identity.internal-client-secret=s3cret")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("licensecentral.identity.gateway-client-secret is required: "
                                    + "set the environment variable LICENSECENTRAL_IDENTITY_GATEWAY_CLIENT_SECRET");
                });
    }

    @Test
    void withABlankInternalSecretTheServiceDoesNotStartAndSaysWhatToSet() {
        context.withPropertyValues(
                        "licensecentral.identity.gateway-client-secret=s3cret",
                        "licensecentral.identity.internal-client-secret= ")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("licensecentral.identity.internal-client-secret is required: "
                                    + "set the environment variable LICENSECENTRAL_IDENTITY_INTERNAL_CLIENT_SECRET");
                });
    }

    @Test
    void withBothSecretsItStartsWithTheAudiencesByClient() {
        context.withPropertyValues(
                        "licensecentral.identity.gateway-client-secret=one",
                        "licensecentral.identity.internal-client-secret=two",
                        "licensecentral.identity.access-token-audiences.gateway=licensecentral-portal")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(ClientProperties.class).accessTokenAudiences())
                            .containsEntry("gateway", "licensecentral-portal");
                });
    }
}
