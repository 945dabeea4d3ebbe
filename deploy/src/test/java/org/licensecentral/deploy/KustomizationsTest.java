package org.licensecentral.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

class KustomizationsTest {

    /** The files a kustomization names: resources (files or folders) and patch files. */
    private static List<Path> listed(Manifests.Manifest kustomization) {
        GenericKubernetesResource resource = (GenericKubernetesResource) kustomization.resource();
        Path folder = kustomization.file().getParent();
        List<Path> paths = new ArrayList<>();
        List<String> resources = Manifests.field(resource, "resources");
        (resources == null ? List.<String>of() : resources)
                .forEach(entry -> paths.add(folder.resolve(entry).normalize()));
        List<Map<String, Object>> patches = Manifests.field(resource, "patches");
        (patches == null ? List.<Map<String, Object>>of() : patches)
                .stream()
                        .map(patch -> (String) patch.get("path"))
                        .filter(java.util.Objects::nonNull)
                        .forEach(path -> paths.add(folder.resolve(path).normalize()));
        return paths;
    }

    @Test
    void everyKustomizationListsFilesAndFoldersThatExist() {
        assertThat(Manifests.kustomizations()).isNotEmpty();
        for (Manifests.Manifest kustomization : Manifests.kustomizations()) {
            for (Path path : listed(kustomization)) {
                String where = kustomization.file() + " lists " + path;
                assertThat(Files.exists(path)).as(where).isTrue();
                if (Files.isDirectory(path)) {
                    assertThat(path.resolve("kustomization.yaml"))
                            .as(where + ": a folder needs a kustomization.yaml")
                            .exists();
                }
            }
        }
    }

    @Test
    void everyManifestIsPartOfAKustomization() {
        Set<Path> listed = new HashSet<>();
        for (Manifests.Manifest kustomization : Manifests.kustomizations()) {
            listed.add(kustomization.file().normalize());
            listed.addAll(listed(kustomization));
        }
        assertThat(Manifests.files())
                .allSatisfy(file ->
                        assertThat(listed).as("kustomizations listing " + file).contains(file.normalize()));
    }

    @Test
    void theExampleOverlayBuildsOnTheBaseAndTheInfrastructure() {
        Manifests.Manifest example = Manifests.kustomizations().stream()
                .filter(kustomization -> kustomization.file().startsWith(Manifests.ROOT.resolve("overlays/example")))
                .findFirst()
                .orElseThrow();
        GenericKubernetesResource resource = (GenericKubernetesResource) example.resource();
        assertThat(listed(example))
                .contains(
                        Manifests.ROOT.resolve("base").normalize(),
                        Manifests.ROOT.resolve("infrastructure").normalize());
        assertThat(Manifests.<String>field(resource, "namespace")).isNotBlank();
    }

    @Test
    void everyImageAKustomizationSetsHasAnExplicitTagThatIsNotLatest() {
        for (Manifests.Manifest kustomization : Manifests.kustomizations()) {
            List<Map<String, Object>> images =
                    Manifests.field((GenericKubernetesResource) kustomization.resource(), "images");
            for (Map<String, Object> image : images == null ? List.<Map<String, Object>>of() : images) {
                Object digest = image.get("digest");
                assertThat(digest != null || Images.pinnedTag((String) image.get("newTag")))
                        .as(kustomization.file() + " image " + image.get("name"))
                        .isTrue();
            }
        }
    }
}
