package org.licensecentral.license.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The products that can be bought (from {@code catalog.json}) and their releases: the file's,
 * written to the {@code releases} collection at start (saved by id, so a restart changes
 * nothing), and those added later through {@code POST /internal/releases}, whose downloads must be
 * on the configured artifact hosts ({@link CatalogProperties}). Each is published to
 * {@code license.events} after it is saved: a failed publication fails the start or the call, and
 * both are safe to repeat.
 */
@Component
public class Catalog {

    private record CatalogFile(List<Product> products, List<Release> releases) {}

    private final Map<String, Product> products;
    private final List<Release> seedReleases;
    private final MongoTemplate mongo;
    private final ReleaseEvents releaseEvents;
    private final CatalogProperties properties;

    public Catalog(
            ObjectMapper objectMapper, MongoTemplate mongo, ReleaseEvents releaseEvents, CatalogProperties properties) {
        this.mongo = mongo;
        this.releaseEvents = releaseEvents;
        this.properties = properties;
        try (InputStream in = new ClassPathResource("catalog.json").getInputStream()) {
            CatalogFile file = objectMapper.readValue(in, CatalogFile.class);
            this.products =
                    file.products().stream().collect(Collectors.toUnmodifiableMap(Product::code, Function.identity()));
            this.seedReleases = file.releases();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog.json", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedReleases() {
        seedReleases.forEach(release -> releaseEvents.published(mongo.save(release)));
    }

    public Optional<Product> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    public List<Product> products() {
        return products.values().stream()
                .sorted(Comparator.comparing(Product::name))
                .toList();
    }

    /** Adds or replaces a release; the product must be one the catalog sells, the download on an artifact host. */
    public Release addRelease(Release release) {
        if (!products.containsKey(release.productCode())) {
            throw new UnknownProductException(release.productCode());
        }
        if (!properties.isArtifactDownload(release.downloadUrl())) {
            throw new DownloadHostNotAllowedException(properties.downloadHosts());
        }
        Release saved = mongo.save(release);
        releaseEvents.published(saved);
        return saved;
    }

    /** Every release, newest first; a few dozen, so callers pick from the list in memory. */
    public Releases releases() {
        return new Releases(mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "releasedAt")), Release.class));
    }

    /** A snapshot of the releases, newest first. */
    public record Releases(List<Release> newestFirst) {

        /** The newest release of the product released on or before the given day (the end of a license's maintenance). */
        public Optional<Release> newest(String productCode, LocalDate onOrBefore) {
            return newestFirst.stream()
                    .filter(r -> r.productCode().equals(productCode)
                            && !r.releasedAt().isAfter(onOrBefore))
                    .findFirst();
        }

        public Optional<Release> latest(String productCode) {
            return newestFirst.stream()
                    .filter(r -> r.productCode().equals(productCode))
                    .findFirst();
        }
    }
}
