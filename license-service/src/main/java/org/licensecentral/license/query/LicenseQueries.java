package org.licensecentral.license.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads of the license list, always within one account's licenses: those attached to it, and
 * those nobody attached yet that were bought with its verified e-mail.
 */
@Component
public class LicenseQueries {

    /** The sortable columns, by their public names: every column the portal's list shows data in. */
    public static final Map<String, String> SORT_FIELDS = Map.of(
            "product", "productName",
            "edition", "edition",
            "purchasedAt", "purchasedAt",
            "maintenanceUntil", "maintenanceUntil",
            "status", "status",
            "licenseKey", "licenseKey");

    public record Page(List<LicenseView> items, int page, int size, long totalItems) {}

    public record Search(
            String text,
            String productCode,
            LicenseView.ActivationStatus status,
            String sortField,
            Sort.Direction direction,
            int page,
            int size) {}

    private final MongoTemplate mongo;

    public LicenseQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The key is unique, and looked up on every attach by key: a unique index (which the
     * MongoDB-wire server uses too). The list's owner-and-order indexes serve real MongoDB; the
     * MongoDB-wire server ignores indexes that are not unique.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        IndexOperations indexes = mongo.indexOps(LicenseView.class);
        indexes.ensureIndex(new Index("licenseKey", Sort.Direction.ASC).unique());
        indexes.ensureIndex(new Index("ownerAccountId", Sort.Direction.ASC).on("purchasedAt", Sort.Direction.DESC));
        indexes.ensureIndex(new Index("purchaseEmail", Sort.Direction.ASC).on("purchasedAt", Sort.Direction.DESC));
    }

    public Page search(String accountId, String verifiedEmail, Search search) {
        List<Criteria> all = new ArrayList<>();
        all.add(ownedBy(accountId, verifiedEmail));
        if (search.text() != null && !search.text().isBlank()) {
            all.add(textMatches(search.text()));
        }
        if (search.productCode() != null) {
            all.add(Criteria.where("productCode").is(search.productCode()));
        }
        if (search.status() != null) {
            all.add(Criteria.where("status").is(search.status()));
        }
        // One pass over the matching licenses for both the page and the total ($facet): the count
        // and the page as two queries cost two scans, which the benchmarks showed as half the time.
        Sort order =
                Sort.by(search.direction(), SORT_FIELDS.get(search.sortField())).and(Sort.by("_id"));
        TypedAggregation<LicenseView> aggregation = Aggregation.newAggregation(
                LicenseView.class,
                Aggregation.match(new Criteria().andOperator(all.toArray(Criteria[]::new))),
                Aggregation.facet(
                                Aggregation.sort(order),
                                Aggregation.skip((long) search.page() * search.size()),
                                Aggregation.limit(search.size()))
                        .as("items")
                        .and(Aggregation.count().as("total"))
                        .as("total"));
        Document result = mongo.aggregate(aggregation, Document.class).getUniqueMappedResult();
        List<LicenseView> items = result == null
                ? List.of()
                : result.getList("items", Document.class).stream()
                        .map(document -> mongo.getConverter().read(LicenseView.class, document))
                        .toList();
        long total = result == null
                ? 0
                : result.getList("total", Document.class).stream()
                        .findFirst()
                        .map(count -> ((Number) count.get("total")).longValue())
                        .orElse(0L);
        return new Page(items, search.page(), search.size(), total);
    }

    /** The license, if the account may see it; otherwise empty, exactly as for a missing one. */
    public Optional<LicenseView> find(String accountId, String verifiedEmail, String licenseId) {
        // By id alone, then the owner check here: a query on the id and nothing else is an index
        // lookup on any server, where the id together with the owner criteria scanned the whole
        // collection on the MongoDB-wire server (it uses an index only for a plain equality).
        return Optional.ofNullable(mongo.findById(licenseId, LicenseView.class))
                .filter(license -> isOwnedBy(license, accountId, verifiedEmail));
    }

    /** Licenses an attach request by purchase id or license key names (whoever owns them). */
    public List<LicenseView> attachable(String purchaseId, String licenseKey) {
        Criteria criteria = purchaseId != null
                ? Criteria.where("purchaseId").is(purchaseId)
                : Criteria.where("licenseKey").is(licenseKey);
        return mongo.find(new Query(criteria).with(Sort.by("_id")), LicenseView.class);
    }

    /** The licenses of these ids, whoever owns them, by id; an id the read model does not hold is absent. */
    public Map<String, LicenseView> byIds(Collection<String> licenseIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(licenseIds)), LicenseView.class).stream()
                .collect(Collectors.toMap(LicenseView::licenseId, Function.identity()));
    }

    /** The machines the license is active on, as last reported, oldest first. */
    public List<LicenseActivationView> activations(String licenseId) {
        return mongo.find(
                Query.query(Criteria.where("licenseId").is(licenseId)).with(Sort.by("activatedAt")),
                LicenseActivationView.class);
    }

    public Optional<LicenseView> findByKey(String licenseKey) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("licenseKey").is(licenseKey)), LicenseView.class));
    }

    /** Whether the account already holds the license, attached or through its verified e-mail. */
    public static boolean isOwnedBy(LicenseView license, String accountId, String verifiedEmail) {
        return accountId.equals(license.ownerAccountId())
                || (license.ownerAccountId() == null && license.purchaseEmail().equals(verifiedEmail));
    }

    /**
     * The text within the key, the purchase id, the product or the edition, or within the product
     * and edition as the list names a license ("Backup Server", "kup Serv"): for each space in the
     * text, the product ending with what is before it and the edition starting with what follows.
     * The read model keeps the two apart, and a regex per field stays a plain query on every server.
     */
    static Criteria textMatches(String text) {
        String phrase = text.strip().replaceAll("\\s+", " ");
        List<Criteria> any = new ArrayList<>(List.of(
                Criteria.where("licenseKey").regex(literal(phrase, "", "")),
                Criteria.where("purchaseId").regex(literal(phrase, "", "")),
                Criteria.where("productName").regex(literal(phrase, "", "")),
                Criteria.where("edition").regex(literal(phrase, "", ""))));
        for (int space = phrase.indexOf(' '); space >= 0; space = phrase.indexOf(' ', space + 1)) {
            any.add(Criteria.where("productName")
                    .regex(literal(phrase.substring(0, space), "", "$"))
                    .and("edition")
                    .regex(literal(phrase.substring(space + 1), "^", "")));
        }
        return new Criteria().orOperator(any);
    }

    /** Quoted: the search text is matched literally, never run as a pattern. */
    private static Pattern literal(String text, String before, String after) {
        return Pattern.compile(before + Pattern.quote(text) + after, Pattern.CASE_INSENSITIVE);
    }

    private static Criteria ownedBy(String accountId, String verifiedEmail) {
        Criteria attached = Criteria.where("ownerAccountId").is(accountId);
        if (verifiedEmail == null) {
            return attached;
        }
        return new Criteria()
                .orOperator(
                        attached,
                        Criteria.where("ownerAccountId")
                                .is(null)
                                .and("purchaseEmail")
                                .is(verifiedEmail));
    }
}
