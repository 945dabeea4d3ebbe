package org.licensecentral.license.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The products that can be bought, from {@code catalog.json}. */
@Component
public class Catalog {

    private record CatalogFile(List<Product> products) {
    }

    private final Map<String, Product> products;

    public Catalog(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource("catalog.json").getInputStream()) {
            this.products = objectMapper.readValue(in, CatalogFile.class).products().stream()
                    .collect(Collectors.toUnmodifiableMap(Product::code, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog.json", e);
        }
    }

    public Optional<Product> product(String code) {
        return Optional.ofNullable(products.get(code));
    }
}
