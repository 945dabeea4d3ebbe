package org.licensecentral.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    /** Names that say a value is a credential. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|private|jaas|api[_-]?key).*");
    /** Values that are one: key material, a URI with a password in it, a JWK's private part. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|-----BEGIN [A-Z ]*KEY-----|://[^/@\\s:]+:[^/@\\s]+@|\"d\"\\s*:"
                    + "|password=).*");
    /** Environment variables whose value is a credential even where the name does not say so. */
    private static final Set<String> CREDENTIAL_VARIABLES = Set.of("SPRING_MONGODB_URI");

    private static Stream<Container> containers() {
        return Manifests.of(Deployment.class).stream()
                .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream());
    }

    private static boolean secretLooking(String name) {
        return SECRET_NAME.matcher(name).matches() || CREDENTIAL_VARIABLES.contains(name);
    }

    @Test
    void noConfigMapHoldsAKeyOrValueThatLooksLikeASecret() {
        List<ConfigMap> configMaps = Manifests.of(ConfigMap.class);
        assertThat(configMaps).isNotEmpty();
        for (ConfigMap configMap : configMaps) {
            configMap.getData().forEach((key, value) -> {
                String where = "ConfigMap " + configMap.getMetadata().getName() + " " + key;
                assertThat(secretLooking(key)).as(where + ": a secret's name").isFalse();
                assertThat(SECRET_VALUE.matcher(value).matches())
                        .as(where + ": a secret's value")
                        .isFalse();
            });
            assertThat(configMap.getBinaryData())
                    .as("ConfigMap " + configMap.getMetadata().getName() + " binaryData")
                    .isEmpty();
        }
    }

    @Test
    void noManifestShipsASecret() {
        assertThat(Manifests.of(Secret.class))
                .extracting(secret -> secret.getMetadata().getName())
                .isEmpty();
    }

    @Test
    void everySecretLookingVariableComesFromASecret() {
        containers().forEach(container -> {
            for (EnvVar variable : container.getEnv()) {
                String where = container.getName() + " env " + variable.getName();
                if (secretLooking(variable.getName())) {
                    assertThat(variable.getValue())
                            .as(where + ": literal value")
                            .isNull();
                    assertThat(variable.getValueFrom())
                            .as(where + ": valueFrom")
                            .isNotNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef())
                            .as(where + ": secretKeyRef")
                            .isNotNull();
                } else if (variable.getValue() != null) {
                    assertThat(SECRET_VALUE.matcher(variable.getValue()).matches())
                            .as(where + ": a secret's value")
                            .isFalse();
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                assertThat(source.getConfigMapRef() != null || source.getSecretRef() != null)
                        .as(container.getName() + " envFrom")
                        .isTrue();
            }
        });
    }

    @Test
    void everyConfigMapAContainerReadsExists() {
        Set<String> configMaps = Manifests.of(ConfigMap.class, "base").stream()
                .map(configMap -> configMap.getMetadata().getName())
                .collect(Collectors.toSet());
        containers()
                .flatMap(container -> container.getEnvFrom().stream())
                .filter(source -> source.getConfigMapRef() != null)
                .forEach(source ->
                        assertThat(configMaps).contains(source.getConfigMapRef().getName()));
    }

    /**
     * A Secret the manifests refer to is either written by an operator from one of the custom
     * resources here, or one of those docs/kubernetes.md tells how to create: nothing a reader has
     * to guess.
     */
    @Test
    void everySecretReferencedIsMadeByAnOperatorOrCreatedAsDocumented() {
        Map<String, String> referenced = new LinkedHashMap<>();
        for (Deployment deployment : Manifests.of(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            var pod = deployment.getSpec().getTemplate().getSpec();
            pod.getContainers().stream()
                    .flatMap(container -> container.getEnv().stream())
                    .filter(variable -> variable.getValueFrom() != null
                            && variable.getValueFrom().getSecretKeyRef() != null)
                    .forEach(variable -> referenced.put(
                            variable.getValueFrom().getSecretKeyRef().getName(), name));
            pod.getContainers().stream()
                    .flatMap(container -> container.getEnvFrom().stream())
                    .filter(source -> source.getSecretRef() != null)
                    .forEach(source -> referenced.put(source.getSecretRef().getName(), name));
            pod.getVolumes().stream()
                    .map(Volume::getSecret)
                    .filter(java.util.Objects::nonNull)
                    .forEach(secret -> referenced.put(secret.getSecretName(), name));
        }
        Manifests.of(Ingress.class)
                .forEach(ingress -> ingress.getSpec()
                        .getTls()
                        .forEach(tls -> referenced.put(
                                tls.getSecretName(),
                                "Ingress " + ingress.getMetadata().getName())));
        referenced.putAll(secretsTheOperatorsRead());

        Set<String> made = secretsTheOperatorsWrite();
        String guide = Manifests.text(Manifests.REPOSITORY.resolve("docs/kubernetes.md"));
        referenced.forEach((secret, by) -> {
            if (!made.contains(secret)) {
                assertThat(guide)
                        .as("docs/kubernetes.md creates the Secret " + secret + " that " + by + " reads")
                        .containsPattern("create secret \\S+ " + Pattern.quote(secret) + "\\s");
            }
        });
    }

    /** KafkaUser: a Secret of its name; MongoDBCommunity: one per user, <resource>-<auth db>-<user>. */
    private static Set<String> secretsTheOperatorsWrite() {
        Set<String> made = Manifests.custom("KafkaUser").stream()
                .map(user -> user.getMetadata().getName())
                .collect(Collectors.toSet());
        for (GenericKubernetesResource mongo : Manifests.custom("MongoDBCommunity")) {
            List<Map<String, Object>> users = Manifests.field(mongo, "spec", "users");
            users.forEach(user -> made.add(
                    mongo.getMetadata().getName() + "-" + user.getOrDefault("db", "admin") + "-" + user.get("name")));
        }
        return made;
    }

    private static Map<String, String> secretsTheOperatorsRead() {
        Map<String, String> read = new LinkedHashMap<>();
        for (GenericKubernetesResource cluster : Manifests.custom("Cluster")) {
            String initdb = Manifests.field(cluster, "spec", "bootstrap", "initdb", "secret", "name");
            if (initdb != null) {
                read.put(initdb, "Cluster " + cluster.getMetadata().getName());
            }
            List<Map<String, Object>> roles = Manifests.field(cluster, "spec", "managed", "roles");
            for (Map<String, Object> role : roles == null ? List.<Map<String, Object>>of() : roles) {
                read.put(
                        (String) ((Map<?, ?>) role.get("passwordSecret")).get("name"),
                        "Cluster role " + role.get("name"));
            }
        }
        for (GenericKubernetesResource mongo : Manifests.custom("MongoDBCommunity")) {
            List<Map<String, Object>> users = Manifests.field(mongo, "spec", "users");
            users.forEach(user -> read.put(
                    (String) ((Map<?, ?>) user.get("passwordSecretRef")).get("name"),
                    "MongoDBCommunity user " + user.get("name")));
        }
        return read;
    }
}
