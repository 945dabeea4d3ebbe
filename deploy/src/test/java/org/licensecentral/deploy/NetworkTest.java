package org.licensecentral.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;

class NetworkTest {

    /** What faces the network (issue 15, finding 6): the portal and API, and the login pages. */
    private static final Set<String> PUBLIC = Set.of("gateway", "identity-service");

    private static Map<String, String> podLabels(String deployment) {
        return Manifests.of(Deployment.class).stream()
                .filter(d -> deployment.equals(d.getMetadata().getName()))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
    }

    /** Whether a selector (matchLabels and In expressions, as the manifests use) selects the labels. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        boolean byLabels = selector.getMatchLabels().entrySet().stream()
                .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
        boolean byExpressions = selector.getMatchExpressions().stream()
                .allMatch(expression -> "In".equals(expression.getOperator())
                        && expression.getValues().contains(labels.get(expression.getKey())));
        return byLabels && byExpressions;
    }

    @Test
    void aDefaultDenyPolicySelectsEveryPodAndAllowsNoIngress() {
        assertThat(Manifests.of(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(policy.getSpec().getIngress()).isEmpty();
        });
    }

    @Test
    void theIngressRoutesToTheGatewayAndIdentityServiceAlone() {
        List<Ingress> ingresses = Manifests.of(Ingress.class);
        assertThat(ingresses).isNotEmpty();
        List<String> backends = ingresses.stream()
                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(HTTPIngressPath::getBackend)
                .map(backend -> backend.getService().getName())
                .toList();
        assertThat(backends).containsExactlyInAnyOrderElementsOf(PUBLIC);
        ingresses.forEach(
                ingress -> assertThat(ingress.getSpec().getDefaultBackend()).isNull());
    }

    /**
     * A peer outside the namespace (a namespace selector, an address block) may reach only the
     * public services' API port; elsewhere, only the management port (the metrics scrape) or pods
     * that are no service (the operators' instances, which their operators reach).
     */
    @Test
    void onlyTheGatewayAndIdentityServiceAcceptTheirApiPortFromOutsideTheNamespace() {
        for (NetworkPolicy policy : Manifests.of(NetworkPolicy.class)) {
            for (String service : Services.MODULES) {
                if (PUBLIC.contains(service) || !selects(policy.getSpec().getPodSelector(), podLabels(service))) {
                    continue;
                }
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    boolean fromOutside = rule.getFrom().isEmpty()
                            || rule.getFrom().stream().anyMatch(NetworkTest::outsideTheNamespace);
                    if (fromOutside) {
                        assertThat(rule.getPorts())
                                .as("policy " + policy.getMetadata().getName() + " opens " + service)
                                .isNotEmpty()
                                .allSatisfy(port -> assertThat(port.getPort())
                                        .isIn(new IntOrString("management"), new IntOrString(8558)));
                    }
                }
            }
        }
    }

    private static boolean outsideTheNamespace(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null || peer.getIpBlock() != null;
    }

    @Test
    void onlyTheGatewayCallsTheLicenseAndActivationApis() {
        for (String service : List.of("license-service", "activation-service")) {
            List<NetworkPolicyIngressRule> rules = Manifests.of(NetworkPolicy.class).stream()
                    .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels(service)))
                    .flatMap(policy -> policy.getSpec().getIngress().stream())
                    .filter(rule ->
                            rule.getPorts().stream().anyMatch(port -> new IntOrString("http").equals(port.getPort())))
                    .toList();
            assertThat(rules)
                    .as(service + " API rules")
                    .isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule.getFrom())
                            .allSatisfy(peer -> assertThat(selects(peer.getPodSelector(), podLabels("gateway")))
                                    .isTrue()));
        }
    }

    /** Strimzi writes the listener's policy from networkPolicyPeers: exactly the Kafka clients. */
    @Test
    void theKafkaListenerAdmitsTheServicesThatUseKafkaAlone() {
        var kafka = Manifests.custom("Kafka").get(0);
        List<Map<String, Object>> listeners = Manifests.field(kafka, "spec", "kafka", "listeners");
        for (Map<String, Object> listener : listeners) {
            List<?> peers = (List<?>) listener.get("networkPolicyPeers");
            assertThat(peers)
                    .as("networkPolicyPeers of listener " + listener.get("name"))
                    .isNotEmpty();
            Map<?, ?> selector =
                    (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) peers.get(0)).get("podSelector")).get("matchLabels");
            for (String service : Services.MODULES) {
                boolean admitted = podLabels(service).entrySet().containsAll(selector.entrySet());
                assertThat(admitted).as(service + " admitted to Kafka").isEqualTo(Services.usesKafka(service));
            }
        }
    }
}
