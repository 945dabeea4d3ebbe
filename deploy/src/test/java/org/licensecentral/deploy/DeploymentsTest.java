package org.licensecentral.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

class DeploymentsTest {

    private static final int MANAGEMENT_PORT = 8558;

    private static List<Deployment> deployments() {
        List<Deployment> deployments = Manifests.of(Deployment.class);
        assertThat(deployments).as("Deployments under deploy/kubernetes").isNotEmpty();
        return deployments;
    }

    private static Stream<Container> containers() {
        return deployments().stream()
                .flatMap(deployment ->
                        containersOf(deployment.getSpec().getTemplate().getSpec()));
    }

    private static Stream<Container> containersOf(PodSpec pod) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream());
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A probe's or Service's port, by number or by the name of one of the container's ports. */
    private static Integer portNumber(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElse(null);
    }

    @Test
    void everyServiceModuleHasADeployment() {
        assertThat(deployments())
                .extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Services.MODULES);
    }

    @Test
    void everyContainerServesTheApiOnTheServicePortOfItsApplicationYml() {
        for (Deployment deployment : deployments()) {
            String module = deployment.getMetadata().getName();
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts())
                    .as(module + " ports")
                    .anySatisfy(port -> {
                        assertThat(port.getName()).isEqualTo("http");
                        assertThat(port.getContainerPort()).isEqualTo(Services.port(module));
                    })
                    .anySatisfy(port -> {
                        assertThat(port.getName()).isEqualTo("management");
                        assertThat(port.getContainerPort()).isEqualTo(MANAGEMENT_PORT);
                    });
        }
    }

    @Test
    void everyContainerHasLivenessAndReadinessProbesOnTheManagementPort() {
        containers().forEach(container -> {
            assertProbe(container, container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container, container.getReadinessProbe(), "/actuator/health/readiness");
        });
    }

    private static void assertProbe(Container container, Probe probe, String path) {
        assertThat(probe).as(container.getName() + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet())
                .as(container.getName() + " probe " + path)
                .isNotNull();
        assertThat(probe.getHttpGet().getPath())
                .as(container.getName() + " probe path")
                .isEqualTo(path);
        assertThat(portNumber(probe.getHttpGet().getPort(), container))
                .as(container.getName() + " probe port " + path)
                .isEqualTo(MANAGEMENT_PORT);
    }

    @Test
    void everyContainerHasCpuAndMemoryRequestsAndLimits() {
        containers().forEach(container -> {
            assertThat(container.getResources())
                    .as(container.getName() + " resources")
                    .isNotNull();
            assertThat(container.getResources().getRequests())
                    .as(container.getName() + " requests")
                    .containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits())
                    .as(container.getName() + " limits")
                    .containsKeys("cpu", "memory");
        });
    }

    @Test
    void everyContainerImageHasAnExplicitTagThatIsNotLatest() {
        containers()
                .forEach(container -> assertThat(Images.pinned(container.getImage()))
                        .as(container.getName() + " image " + container.getImage())
                        .isTrue());
    }

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyRootFileSystemWithoutCapabilities() {
        for (Deployment deployment : deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            containersOf(pod).forEach(container -> {
                var security = container.getSecurityContext();
                assertThat(security)
                        .as(container.getName() + " securityContext")
                        .isNotNull();
                Boolean nonRoot = Objects.requireNonNullElse(
                        security.getRunAsNonRoot(),
                        pod.getSecurityContext() == null
                                ? null
                                : pod.getSecurityContext().getRunAsNonRoot());
                assertThat(nonRoot).as(container.getName() + " runAsNonRoot").isTrue();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as(container.getName() + " readOnlyRootFilesystem")
                        .isTrue();
                assertThat(security.getAllowPrivilegeEscalation())
                        .as(container.getName() + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(security.getCapabilities())
                        .as(container.getName() + " capabilities")
                        .isNotNull();
                assertThat(security.getCapabilities().getDrop())
                        .as(container.getName() + " capabilities.drop")
                        .contains("ALL");
                assertThat(security.getCapabilities().getAdd())
                        .as(container.getName() + " capabilities.add")
                        .isEmpty();
            });
        }
    }

    @Test
    void everyDeploymentHasAServiceSelectingItsPodsOnItsNamedPorts() {
        for (Deployment deployment : deployments()) {
            String name = deployment.getMetadata().getName();
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            List<Service> services = Manifests.of(Service.class).stream()
                    .filter(service -> selects(service.getSpec().getSelector(), podLabels(deployment)))
                    .toList();
            assertThat(services)
                    .as("Services selecting " + name)
                    .extracting(service -> service.getMetadata().getName())
                    .containsExactly(name);
            for (ServicePort port : services.get(0).getSpec().getPorts()) {
                assertThat(portNumber(port.getTargetPort(), container))
                        .as(name + " Service port " + port.getName())
                        .isNotNull();
            }
        }
    }

    @Test
    void everyDeploymentHasAnAutoscalerOnCpu() {
        for (Deployment deployment : deployments()) {
            String name = deployment.getMetadata().getName();
            List<HorizontalPodAutoscaler> autoscalers = Manifests.of(HorizontalPodAutoscaler.class).stream()
                    .filter(hpa -> "Deployment"
                                    .equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && name.equals(hpa.getSpec().getScaleTargetRef().getName()))
                    .toList();
            assertThat(autoscalers).as("HorizontalPodAutoscaler of " + name).hasSize(1);
            var spec = autoscalers.get(0).getSpec();
            assertThat(spec.getMinReplicas()).as(name + " minReplicas").isPositive();
            assertThat(spec.getMaxReplicas()).as(name + " maxReplicas").isGreaterThanOrEqualTo(spec.getMinReplicas());
            assertThat(spec.getMetrics())
                    .as(name + " metrics")
                    .anySatisfy(
                            metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
        }
    }

    @Test
    void noDeploymentSetsTheReplicasItsAutoscalerOwns() {
        deployments()
                .forEach(deployment -> assertThat(deployment.getSpec().getReplicas())
                        .as(deployment.getMetadata().getName() + " replicas")
                        .isNull());
    }

    @Test
    void everyDeploymentHasADisruptionBudgetOfAtLeastOneAvailablePod() {
        for (Deployment deployment : deployments()) {
            String name = deployment.getMetadata().getName();
            List<PodDisruptionBudget> budgets = Manifests.of(PodDisruptionBudget.class).stream()
                    .filter(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), podLabels(deployment)))
                    .toList();
            assertThat(budgets).as("PodDisruptionBudget of " + name).hasSize(1);
            assertThat(budgets.get(0).getSpec().getMinAvailable())
                    .as(name + " minAvailable")
                    .isEqualTo(new IntOrString(1));
        }
    }

    @Test
    void noConsumerScalesPastThePartitionsOfItsTopics() {
        int partitions = Manifests.custom("KafkaTopic").stream()
                .mapToInt(topic -> Manifests.<Integer>field(topic, "spec", "partitions"))
                .min()
                .orElseThrow();
        for (HorizontalPodAutoscaler hpa : Manifests.of(HorizontalPodAutoscaler.class)) {
            String module = hpa.getSpec().getScaleTargetRef().getName();
            if (Services.bindings(module).values().stream().anyMatch(binding -> binding.containsKey("group"))) {
                assertThat(hpa.getSpec().getMaxReplicas())
                        .as(module + " maxReplicas")
                        .isLessThanOrEqualTo(partitions);
            }
        }
    }
}
