package org.licensecentral.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Every YAML document under {@code deploy/kubernetes}, as written (not as Kustomize renders it),
 * parsed into fabric8's object model: the kinds of Kubernetes itself as their model classes, the
 * operators' custom resources and the kustomizations as {@link GenericKubernetesResource}.
 */
final class Manifests {

    /** The module's base directory is the working directory of its tests (surefire's default). */
    static final Path ROOT = Path.of("kubernetes");

    static final Path REPOSITORY = Path.of("..");

    /** One document and the file it is in. */
    record Manifest(Path file, KubernetesResource resource) {

        String name() {
            return resource instanceof HasMetadata named ? named.getMetadata().getName() : null;
        }

        String kind() {
            return resource instanceof HasMetadata named ? named.getKind() : null;
        }
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<Manifest> ALL = load();

    private Manifests() {}

    static List<Manifest> all() {
        return ALL;
    }

    static List<Path> files() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a model class, such as every Deployment. */
    static <T extends KubernetesResource> List<T> of(Class<T> type) {
        return ALL.stream()
                .map(Manifest::resource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The documents of a model class in the files under a folder of deploy/kubernetes. */
    static <T extends KubernetesResource> List<T> of(Class<T> type, String folder) {
        return ALL.stream()
                .filter(manifest -> manifest.file().startsWith(ROOT.resolve(folder)))
                .map(Manifest::resource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The custom resources (or kustomizations) of one kind. */
    static List<GenericKubernetesResource> custom(String kind) {
        return of(GenericKubernetesResource.class).stream()
                .filter(resource -> kind.equals(resource.getKind()))
                .toList();
    }

    static List<Manifest> kustomizations() {
        return ALL.stream()
                .filter(manifest -> "Kustomization".equals(manifest.kind()))
                .toList();
    }

    static String text(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value of a custom resource by its path of map keys and list indexes, or null. */
    @SuppressWarnings("unchecked")
    static <T> T field(GenericKubernetesResource resource, Object... path) {
        Object node = resource.getAdditionalProperties();
        for (Object step : path) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(step);
            } else if (node instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                node = list.get(index);
            } else {
                return null;
            }
        }
        return (T) node;
    }

    private static List<Manifest> load() {
        return files().stream().flatMap(file -> parse(file).stream()).toList();
    }

    /** A file of one document gives its resource; of several, the list of them. */
    private static List<Manifest> parse(Path file) {
        Object parsed = SERIALIZATION.unmarshal(text(file));
        List<?> documents = parsed instanceof List<?> list ? list : List.of(parsed);
        return documents.stream()
                .filter(Objects::nonNull)
                .map(document -> new Manifest(file, (KubernetesResource) document))
                .toList();
    }
}
