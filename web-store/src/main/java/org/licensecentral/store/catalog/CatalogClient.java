package org.licensecentral.store.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.licensecentral.store.config.StoreProperties;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the catalog from license-service ({@code GET /api/v1/catalog}, which needs no login) on
 * every page: a price changed there shows at the next request, and the store never sells from a
 * copy of its own. Only the fields the store uses are read, so the catalog's other parts (releases)
 * may change without the store.
 */
@Component
public class CatalogClient {

    record CatalogResponse(List<ProductResponse> products) {}

    record ProductResponse(String code, String name, List<PriceResponse> prices) {}

    record PriceResponse(String edition, String currency, BigDecimal license, BigDecimal yearOfMaintenance) {}

    private final RestClient http;
    private final ObjectMapper json;

    CatalogClient(StoreProperties properties, ObjectMapper json) {
        // A page waits a few seconds at most for license-service, then says the catalog is unavailable.
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder()
                .baseUrl(properties.catalogUrl().toString())
                .requestFactory(timeouts)
                .build();
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public StoreCatalog catalog() {
        CatalogResponse response;
        try {
            response = json.readValue(http.get().retrieve().body(String.class), CatalogResponse.class);
        } catch (RestClientException | IOException e) {
            throw new CatalogUnavailableException("license-service's catalog: " + e.getMessage(), e);
        }
        return new StoreCatalog(response.products().stream()
                .map(product -> new StoreCatalog.Product(
                        product.code(),
                        product.name(),
                        product.prices().stream()
                                .map(price -> new Offer(
                                        product.code(),
                                        product.name(),
                                        price.edition(),
                                        price.currency(),
                                        price.license(),
                                        price.yearOfMaintenance()))
                                .toList()))
                .toList());
    }
}
