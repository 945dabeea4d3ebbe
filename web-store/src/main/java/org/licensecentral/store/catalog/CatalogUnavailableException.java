package org.licensecentral.store.catalog;

/** license-service did not answer with its catalog: the store cannot show prices, so it sells nothing. */
public class CatalogUnavailableException extends RuntimeException {

    CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
