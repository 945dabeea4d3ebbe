package org.licensecentral.license.catalog;

import java.util.List;

/**
 * A product that can be bought. {@code remoteManagementSince} is the first version whose installed
 * product honours the Remote Management switch; null where the product has none.
 */
public record Product(String code, String name, List<String> editions, String remoteManagementSince) {

    public boolean hasEdition(String edition) {
        return editions.contains(edition);
    }
}
