package org.licensecentral.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    private static final Map<String, String> OPERATORS = Map.of(
            "kafka.strimzi.io/v1beta2", "Strimzi",
            "postgresql.cnpg.io/v1", "CloudNativePG",
            "mongodbcommunity.mongodb.com/v1", "MongoDB Controllers for Kubernetes");

    private static GenericKubernetesResource only(String kind) {
        List<GenericKubernetesResource> resources = Manifests.custom(kind);
        assertThat(resources).as(kind).hasSize(1);
        return resources.get(0);
    }

    private static Optional<EnvVar> env(String deployment, String variable) {
        return Manifests.of(Deployment.class).stream()
                .filter(d -> deployment.equals(d.getMetadata().getName()))
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(container -> container.getEnv().stream())
                .filter(env -> variable.equals(env.getName()))
                .findFirst();
    }

    private static String secretOf(String deployment, String variable) {
        return env(deployment, variable)
                .orElseThrow(() -> new AssertionError(deployment + " has no " + variable))
                .getValueFrom()
                .getSecretKeyRef()
                .getName();
    }

    private static String configOf(String deployment, String key) {
        return Manifests.of(ConfigMap.class, "base").stream()
                .filter(c -> deployment.equals(c.getMetadata().getName()))
                .map(c -> c.getData().get(key))
                .findFirst()
                .orElse(null);
    }

    @Test
    void everyTopicTheServicesUseIsAKafkaTopicOfSixPartitionsAtLeast() {
        Map<String, String> used = new LinkedHashMap<>();
        Services.MODULES.forEach(module -> used.putAll(Services.topics(module)));
        assertThat(used).as("topics in the services' application.yml").isNotEmpty();
        Map<String, Integer> declared = Manifests.custom("KafkaTopic").stream()
                .collect(Collectors.toMap(
                        topic -> Optional.ofNullable(Manifests.<String>field(topic, "spec", "topicName"))
                                .orElse(topic.getMetadata().getName()),
                        topic -> Manifests.<Integer>field(topic, "spec", "partitions")));
        used.forEach((topic, by) -> {
            assertThat(declared).as("KafkaTopic for " + topic + " (" + by + ")").containsKey(topic);
            assertThat(declared.get(topic)).as(topic + " partitions").isGreaterThanOrEqualTo(6);
        });
    }

    @Test
    void kafkaRunsInKRaftModeOnANodePoolOfControllersAndBrokers() {
        GenericKubernetesResource kafka = only("Kafka");
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(Manifests.<Object>field(kafka, "spec", "zookeeper")).isNull();
        List<GenericKubernetesResource> pools = Manifests.custom("KafkaNodePool");
        assertThat(pools)
                .isNotEmpty()
                .allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                        .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(pools.stream().flatMap(pool -> Manifests.<List<String>>field(pool, "spec", "roles").stream()))
                .contains("controller", "broker");
        assertThat(pools.stream()
                        .mapToInt(pool -> Manifests.<Integer>field(pool, "spec", "replicas"))
                        .sum())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyTopicAndUserBelongsToTheKafkaCluster() {
        String cluster = only("Kafka").getMetadata().getName();
        for (String kind : List.of("KafkaTopic", "KafkaUser")) {
            assertThat(Manifests.custom(kind))
                    .allSatisfy(resource -> assertThat(resource.getMetadata().getLabels())
                            .as(kind + " " + resource.getMetadata().getName())
                            .containsEntry("strimzi.io/cluster", cluster));
        }
    }

    @Test
    void everyServiceThatUsesKafkaAuthenticatesAsAKafkaUserOfItsOwn() {
        Set<String> users = Manifests.custom("KafkaUser").stream()
                .filter(user -> "scram-sha-512".equals(Manifests.field(user, "spec", "authentication", "type")))
                .map(user -> user.getMetadata().getName())
                .collect(Collectors.toSet());
        List<String> kafkaClients =
                Services.MODULES.stream().filter(Services::usesKafka).toList();
        List<String> secrets = kafkaClients.stream()
                .map(module -> secretOf(module, "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG"))
                .toList();
        assertThat(users).containsAll(secrets);
        assertThat(secrets).doesNotHaveDuplicates();
    }

    @Test
    void everyEventStoreDatabaseExistsOwnedByTheServicesRoleWithThePasswordItReads() {
        GenericKubernetesResource cluster = only("Cluster");
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, String> passwords = new LinkedHashMap<>();
        owners.put(
                Manifests.field(cluster, "spec", "bootstrap", "initdb", "database"),
                Manifests.field(cluster, "spec", "bootstrap", "initdb", "owner"));
        passwords.put(
                Manifests.field(cluster, "spec", "bootstrap", "initdb", "owner"),
                Manifests.field(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
        List<Map<String, Object>> roles = Manifests.field(cluster, "spec", "managed", "roles");
        roles.forEach(role -> passwords.put(
                (String) role.get("name"), (String) ((Map<?, ?>) role.get("passwordSecret")).get("name")));
        Manifests.custom("Database").stream()
                .filter(database ->
                        cluster.getMetadata().getName().equals(Manifests.field(database, "spec", "cluster", "name")))
                .forEach(database -> owners.put(
                        Manifests.field(database, "spec", "name"), Manifests.field(database, "spec", "owner")));

        List<String> eventSourced = Services.MODULES.stream()
                .filter(module -> Services.postgresDatabase(module).isPresent())
                .toList();
        assertThat(eventSourced).containsExactlyInAnyOrder("license-service", "activation-service");
        for (String module : eventSourced) {
            String database = Services.postgresDatabase(module).orElseThrow();
            String role = Services.postgresRole(module).orElseThrow();
            assertThat(owners).as("databases of the Cluster").containsEntry(database, role);
            assertThat(passwords.get(role))
                    .as("password Secret of " + role)
                    .isEqualTo(secretOf(module, "SPRING_DATASOURCE_PASSWORD"));
            assertThat(configOf(module, "SPRING_DATASOURCE_URL"))
                    .as(module + " SPRING_DATASOURCE_URL")
                    .isEqualTo("jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432/" + database);
        }
    }

    @Test
    void everyServiceMongoDatabaseHasAUserOfItsOwnAllowedToReadAndWriteItAlone() {
        GenericKubernetesResource mongo = only("MongoDBCommunity");
        assertThat(Manifests.<String>field(mongo, "spec", "type")).isEqualTo("ReplicaSet");
        assertThat(Manifests.<Integer>field(mongo, "spec", "members")).isGreaterThanOrEqualTo(3);
        assertThat(Manifests.<List<String>>field(mongo, "spec", "security", "authentication", "modes"))
                .contains("SCRAM");
        List<Map<String, Object>> users = Manifests.field(mongo, "spec", "users");
        for (String module : Services.MODULES) {
            Optional<String> database = Services.mongoDatabase(module);
            if (database.isEmpty()) {
                continue;
            }
            Map<String, Object> user = users.stream()
                    .filter(candidate -> module.equals(candidate.get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no MongoDB user " + module));
            @SuppressWarnings("unchecked")
            List<Map<String, String>> roles = (List<Map<String, String>>) user.get("roles");
            assertThat(roles).as(module + " roles").containsExactly(Map.of("name", "readWrite", "db", database.get()));
            assertThat(secretOf(module, "SPRING_MONGODB_URI"))
                    .isEqualTo(mongo.getMetadata().getName() + "-" + user.getOrDefault("db", "admin") + "-" + module);
            assertThat(configOf(module, "SPRING_MONGODB_DATABASE"))
                    .as(module + " SPRING_MONGODB_DATABASE")
                    .isEqualTo(database.get());
        }
    }

    @Test
    void everyOperatorResourceFileNamesItsOperatorAndWhereToInstallIt() {
        Set<Path> files = Manifests.all().stream()
                .filter(manifest -> manifest.resource() instanceof GenericKubernetesResource resource
                        && OPERATORS.containsKey(resource.getApiVersion()))
                .map(Manifests.Manifest::file)
                .collect(Collectors.toSet());
        assertThat(files).isNotEmpty();
        for (Manifests.Manifest manifest : Manifests.all()) {
            if (manifest.resource() instanceof GenericKubernetesResource resource
                    && OPERATORS.containsKey(resource.getApiVersion())) {
                String text = Manifests.text(manifest.file());
                assertThat(text)
                        .as(manifest.file() + " names its operator")
                        .contains(OPERATORS.get(resource.getApiVersion()));
                assertThat(text).as(manifest.file() + " links the install doc").containsPattern("# .*https://\\S+");
            }
        }
    }

    @Test
    void everyInfrastructureImageIsPinned() {
        GenericKubernetesResource cluster = only("Cluster");
        assertThat(Images.pinned(Manifests.field(cluster, "spec", "imageName"))).isTrue();
        assertThat(Manifests.<String>field(only("MongoDBCommunity"), "spec", "version"))
                .matches("\\d+\\.\\d+\\.\\d+");
        assertThat(Manifests.<String>field(only("Kafka"), "spec", "kafka", "version"))
                .matches("\\d+\\.\\d+\\.\\d+");
    }
}
