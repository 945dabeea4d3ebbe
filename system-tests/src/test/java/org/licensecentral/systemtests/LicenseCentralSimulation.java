package org.licensecentral.systemtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The benchmarks, on a stack of their own started as the local stack starts it, through the
 * gateway (its rate limits raised, see the pom). Before the load: start-up time and memory of the
 * stack, then one account is given {@value #LICENSES} licenses, and the baselines are measured on
 * the same infrastructure (raw event-store-shaped single-row inserts into the PostgreSQL server, a
 * Kafka round trip). Then, one after the other:
 * <ol>
 *   <li>a warm-up of 45 s that calls the no-op endpoint (the public keys) directly and through the
 *       gateway in turn, so that neither path is measured with a cold JIT;</li>
 *   <li>the no-op endpoint, directly and then through the gateway, 4 callers for 15 s each: the
 *       gateway's overhead;</li>
 *   <li>logged-in customers searching, sorting and paging that account's licenses: 4 at once as a
 *       warm-up, then one alone, then 4 at once, 100 requests each;</li>
 *   <li>a few seconds of single activations as a warm-up, then one activation at a time for 20 s,
 *       each followed until license-service's read model shows the license activated: the
 *       propagation lag on an otherwise idle stack (polled every 20 ms);</li>
 *   <li>activations offered at 20 per second for 10 s, then (after 15 s) at 100 per second for
 *       10 s, each followed on {@code license.events} only ({@link LicenseEventsWatch}; the idle
 *       phase is followed there too);</li>
 *   <li>after 15 s more, installed products activating, 8 at a time for 30 s: activations per
 *       second, p50, p99;</li>
 *   <li>{@value BulkHistory#EVENTS} events bulk-loaded into each event store ({@link BulkHistory}),
 *       then phases 4 and 6 again (with the warm-up and the 15 s before the 8 callers) on those
 *       stores, under the same names with ", 1,000,000 events in each store" added.</li>
 * </ol>
 * Around the single customer's list and each phase of single activations and of 8 callers, the CPU
 * of every process (PostgreSQL's included), the read models' MongoDB commands and the PostgreSQL
 * connections of license-service and activation-service are counted ({@link PhaseProfile}).
 * Gatling's HTML report is in {@code system-tests/target/gatling/}; the other figures are printed
 * as {@code BENCHMARK} lines and kept in {@code system-tests/target/benchmark-figures.txt};
 * docs/benchmarks.md has them all.
 */
public class LicenseCentralSimulation extends Simulation {

    static final int LICENSES = 10_000;
    // Each phase activates licenses of its own, taken from the seeded ones in this order.
    // A phase that runs out of licenses stops the whole simulation, so each has more than it took
    // in the fastest run so far (PostgreSQL store, 2026-12-01: 8 callers took 1,784 activations, that
    // is 595 licenses of 3 seats; one at a time took 138 in 20 s; the warm-up on warm JVMs over 50
    // in 3 s).
    private static final int FOR_ACTIVATIONS = 2_500;
    private static final int FOR_LAG_AT_RATE = 1_050;
    private static final int FOR_LAG_IDLE = 400;
    private static final int FOR_LAG_WARM_UP = 150;
    private static final int FOR_LAG_LOW_RATE = 220;
    private static final int FIRST_FOR_LAG_AT_RATE = FOR_ACTIVATIONS;
    private static final int FIRST_FOR_LAG_IDLE = FIRST_FOR_LAG_AT_RATE + FOR_LAG_AT_RATE;
    private static final int FIRST_FOR_LAG_WARM_UP = FIRST_FOR_LAG_IDLE + FOR_LAG_IDLE;
    private static final int FIRST_FOR_LAG_LOW_RATE = FIRST_FOR_LAG_WARM_UP + FOR_LAG_WARM_UP;
    // The phases on the large stores take as many licenses for their warm-up and single activations
    // as those before them, and the rest (5,080) for their 8 callers, more than the first 8 callers have.
    private static final int FIRST_FOR_LARGE_WARM_UP = FIRST_FOR_LAG_LOW_RATE + FOR_LAG_LOW_RATE;
    private static final int FIRST_FOR_LARGE_LAG_IDLE = FIRST_FOR_LARGE_WARM_UP + FOR_LAG_WARM_UP;
    private static final int FIRST_FOR_LARGE_ACTIVATIONS = FIRST_FOR_LARGE_LAG_IDLE + FOR_LAG_IDLE;
    private static final int FOR_LARGE_ACTIVATIONS = LICENSES - FIRST_FOR_LARGE_ACTIVATIONS;
    private static final String ON_LARGE_STORES =
            String.format(Locale.ROOT, "%,d events in each store", BulkHistory.EVENTS);

    /**
     * Each activation appends one event in each service: a machine activated, then the license's
     * status changed. activation-service's count is the activations accepted in the phase.
     */
    private static final List<PhaseProfile.Count> PER_ACTIVATION = List.of(
            new PhaseProfile.EventsAppended("activation-service", EventStores.MACHINE_ACTIVATED),
            new PhaseProfile.EventsAppended("license-service", EventStores.ACTIVATION_STATUS_CHANGED));

    private static final List<PhaseProfile.Count> PER_LIST_REQUEST =
            List.of(new PhaseProfile.CommandCalls("license-service", "licenses aggregate"));

    private final String email = Customers.newEmail("benchmark");
    private final PhaseProfile profile = new PhaseProfile(List.of("license-service", "activation-service"));
    private final List<BenchmarkData.Issued> issued;
    private final String sessionCookie;
    private final LicenseEventsWatch watch;

    public LicenseCentralSimulation() throws InterruptedException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("stack start-up, s", SystemStack.startTime().toMillis() / 1000.0);
        figures.put("resident memory after start-up, MB", SystemStack.control().residentMegabytes());
        PortalClient customer = new PortalClient();
        customer.register(email, Customers.PASSWORD);
        customer.login(email, Customers.PASSWORD);
        sessionCookie = customer.sessionCookie();
        long seeding = System.nanoTime();
        issued = BenchmarkData.seed(
                email,
                LICENSES,
                "BENCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        figures.put(
                "licenses issued from 10 purchases of 1,000, per s",
                Math.round(LICENSES
                        / (Duration.ofNanos(System.nanoTime() - seeding).toMillis() / 1000.0)));
        BenchmarkData.awaitActivationServiceKnows(email, issued.get(issued.size() - 1));
        figures.put(
                "after the seeding, until every consumer group had caught up, s",
                BenchmarkData.awaitConsumersCaughtUp().toSeconds());
        figures.put(
                "baseline: event-store-shaped single-row inserts into the same PostgreSQL server, one transaction each, per s",
                Math.round(Baselines.eventStoreAppendsPerSecond(2_000)));
        Baselines.Percentiles kafka = Baselines.kafkaRoundTripMillis(300);
        figures.put("baseline: Kafka produce-and-consume round trip, ms p50/p99", kafka.p50() + " / " + kafka.p99());
        Figures.benchmark(figures);
        watch = new LicenseEventsWatch(SystemStack.get().kafkaBootstrapServers());

        HttpProtocolBuilder gateway = http.baseUrl(SystemStack.gateway())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json");
        // Quiet phases first, the ones that leave a backlog behind later, with time to settle between.
        Duration settle = Duration.ofSeconds(15);
        String direct = "http://127.0.0.1:" + SystemStack.get().port("activation-service") + "/api/v1/software/keys";
        String throughGateway = SystemStack.gateway() + "/api/v1/software/keys";
        setUp(
                        // Both paths get the same warm-up first: a cold JIT, not the gateway, made the first
                        // seconds of either path slow, and the gateway's longer code path warms up later.
                        warmUp(direct, throughGateway)
                                .injectClosed(constantConcurrentUsers(4).during(Duration.ofSeconds(45)))
                                .andThen(noOp("no-op direct (activation-service's public keys)", direct)
                                        .injectClosed(constantConcurrentUsers(4).during(Duration.ofSeconds(15))))
                                .andThen(noOp("no-op through the gateway (the same keys)", throughGateway)
                                        .injectClosed(constantConcurrentUsers(4).during(Duration.ofSeconds(15))))
                                // The list's code path (license-service and the MongoDB-wire server's
                                // aggregation) is as cold as the gateway's was: its first seconds took
                                // seconds per request, falling to tens of milliseconds.
                                .andThen(licenseList("warm-up: list", 4).injectOpen(atOnceUsers(4)))
                                .andThen(mark("profile: list starts", profile::start))
                                .andThen(licenseList("list: search, sort, page (one customer)", 1)
                                        .injectOpen(atOnceUsers(1)))
                                .andThen(mark(
                                        "profile: list ends",
                                        () -> profile.finish(
                                                "one customer's list requests", "list request", PER_LIST_REQUEST)))
                                .andThen(licenseList("list: search, sort, page (4 customers at once)", 2)
                                        .injectOpen(atOnceUsers(4)))
                                // The first activations through license-service's consumer were as slow
                                // as the first list requests: the path gets a few seconds of its own first.
                                .andThen(lag(
                                                "warm-up: propagation",
                                                FIRST_FOR_LAG_WARM_UP,
                                                FOR_LAG_WARM_UP,
                                                Duration.ofMillis(20))
                                        .injectClosed(constantConcurrentUsers(1).during(Duration.ofSeconds(3))))
                                .andThen(mark("profile: propagation starts", profile::start))
                                .andThen(lag(
                                                "propagation, one activation at a time",
                                                FIRST_FOR_LAG_IDLE,
                                                FOR_LAG_IDLE,
                                                Duration.ofMillis(20))
                                        .injectClosed(constantConcurrentUsers(1).during(Duration.ofSeconds(20))))
                                .andThen(mark("profile: propagation ends", () -> {
                                    profile.finish(
                                            "one activation at a time, with the status polls",
                                            "activation",
                                            PER_ACTIVATION);
                                    propagation("one at a time", FIRST_FOR_LAG_IDLE, FOR_LAG_IDLE);
                                }))
                                // Propagation at 20/s, about what license-service keeps up with when idle,
                                // then at the 100/s, measured on license.events alone: polling for
                                // every pending activation made the polls most of the load
                                // (LicenseEventsWatch). Each rate leaves license-service a backlog, which
                                // the pause after it lets it work off.
                                .andThen(activateWatched(
                                                "propagation at 20 activations/s",
                                                FIRST_FOR_LAG_LOW_RATE,
                                                FOR_LAG_LOW_RATE)
                                        .injectOpen(constantUsersPerSec(20).during(Duration.ofSeconds(10))))
                                .andThen(mark(
                                        "propagation at 20/s ends",
                                        () -> propagation("at 20/s", FIRST_FOR_LAG_LOW_RATE, FOR_LAG_LOW_RATE)))
                                .andThen(activateWatched(
                                                "propagation at 100 activations/s",
                                                FIRST_FOR_LAG_AT_RATE,
                                                FOR_LAG_AT_RATE)
                                        .injectOpen(
                                                nothingFor(settle),
                                                constantUsersPerSec(100).during(Duration.ofSeconds(10))))
                                .andThen(mark(
                                        "propagation at 100/s ends",
                                        () -> propagation("at 100/s", FIRST_FOR_LAG_AT_RATE, FOR_LAG_AT_RATE)))
                                .andThen(scenario("settle before the 8 callers")
                                        .pause(settle)
                                        .injectOpen(atOnceUsers(1)))
                                .andThen(mark("profile: activations start", profile::start))
                                .andThen(activations("software activations", "activate", 0, FOR_ACTIVATIONS)
                                        .injectClosed(constantConcurrentUsers(8).during(Duration.ofSeconds(30))))
                                .andThen(mark(
                                        "profile: activations end",
                                        () -> profile.finish("8 callers", "activation", PER_ACTIVATION)))
                                // The large store: the same activation phases, on the same warm JVMs,
                                // after a history of a million events per store was loaded (BulkHistory).
                                .andThen(mark("bulk history", this::loadHistory))
                                .andThen(lag(
                                                "warm-up: propagation, " + ON_LARGE_STORES,
                                                FIRST_FOR_LARGE_WARM_UP,
                                                FOR_LAG_WARM_UP,
                                                Duration.ofMillis(20))
                                        .injectClosed(constantConcurrentUsers(1).during(Duration.ofSeconds(3))))
                                .andThen(mark("profile: propagation starts, " + ON_LARGE_STORES, profile::start))
                                .andThen(lag(
                                                "propagation, one activation at a time, " + ON_LARGE_STORES,
                                                FIRST_FOR_LARGE_LAG_IDLE,
                                                FOR_LAG_IDLE,
                                                Duration.ofMillis(20))
                                        .injectClosed(constantConcurrentUsers(1).during(Duration.ofSeconds(20))))
                                .andThen(mark("profile: propagation ends, " + ON_LARGE_STORES, () -> {
                                    profile.finish(
                                            "one activation at a time, with the status polls, " + ON_LARGE_STORES,
                                            "activation",
                                            PER_ACTIVATION);
                                    propagation(
                                            "one at a time, " + ON_LARGE_STORES,
                                            FIRST_FOR_LARGE_LAG_IDLE,
                                            FOR_LAG_IDLE);
                                }))
                                .andThen(scenario("settle before the 8 callers, " + ON_LARGE_STORES)
                                        .pause(settle)
                                        .injectOpen(atOnceUsers(1)))
                                .andThen(mark("profile: activations start, " + ON_LARGE_STORES, profile::start))
                                .andThen(activations(
                                                "software activations, " + ON_LARGE_STORES,
                                                "activate, " + ON_LARGE_STORES,
                                                FIRST_FOR_LARGE_ACTIVATIONS,
                                                FOR_LARGE_ACTIVATIONS)
                                        .injectClosed(constantConcurrentUsers(8).during(Duration.ofSeconds(30))))
                                .andThen(mark(
                                        "profile: activations end, " + ON_LARGE_STORES,
                                        () -> profile.finish(
                                                "8 callers, " + ON_LARGE_STORES, "activation", PER_ACTIVATION))))
                .protocols(gateway)
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void after() {
        Figures.benchmark(Map.of(
                "resident memory after the load, MB", SystemStack.control().residentMegabytes()));
        try {
            watch.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The phase's lag until license.events has the fact, and its first hop by the event stores' timestamps. */
    private void propagation(String phase, int from, int count) {
        List<String> licenseIds = issued.subList(from, from + count).stream()
                .map(BenchmarkData.Issued::licenseId)
                .toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            watch.lag(licenseIds, Duration.ofMinutes(3))
                    .ifPresent(lag -> figures.put(
                            "propagation " + phase + ": accepted activation until its fact is on license.events", lag));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for license.events", e);
        }
        PropagationHops.firstHopMillis(licenseIds)
                .ifPresent(hop -> figures.put(
                        "propagation " + phase + ": first hop (activation-service's event to license-service's, "
                                + "by the events' timestamps), ms p50/p99",
                        hop.p50() + " / " + hop.p99()));
        Figures.benchmark(figures);
    }

    /**
     * Between the phases on the seeded stores and those on the large ones: the memory before the
     * bulk load (which fills PostgreSQL's buffers), the load, and then a wait until no consumer
     * has a backlog left from the 8 callers, so that the large stores' phases start idle.
     */
    private void loadHistory() {
        Figures.benchmark(Map.of(
                "resident memory before the bulk load (after the phases on the seeded stores), MB",
                SystemStack.control().residentMegabytes()));
        BulkHistory.load();
        Figures.benchmark(Map.of(
                "after the bulk load, until every consumer group had caught up, s",
                BenchmarkData.awaitConsumersCaughtUp().toSeconds()));
    }

    /** A step between phases that sends nothing: it reads the profile while no phase runs. */
    private static PopulationBuilder mark(String name, Runnable action) {
        return scenario(name)
                .exec(session -> {
                    action.run();
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    private static ScenarioBuilder warmUp(String direct, String throughGateway) {
        return scenario("warm-up")
                .exec(repeat(50)
                        .on(exec(http("warm-up: direct").get(direct).check(status().is(200)))
                                .exec(http("warm-up: through the gateway")
                                        .get(throughGateway)
                                        .check(status().is(200)))));
    }

    private static ScenarioBuilder noOp(String name, String url) {
        return scenario(name).exec(repeat(50).on(exec(http(name).get(url).check(status().is(200)))));
    }

    /** Machines activating licenses of the range, {@link BenchmarkData#SEATS} machines per license. */
    private ScenarioBuilder activations(String name, String request, int from, int count) {
        Iterator<Map<String, Object>> machines = issued.subList(from, from + count).stream()
                .flatMap(license -> Stream.generate(() -> machine(license)).limit(BenchmarkData.SEATS))
                .iterator();
        return scenario(name).feed(machines).exec(activate(request));
    }

    /** Customers each making 100 list requests; {@code seed} varies the queries between phases. */
    private ScenarioBuilder licenseList(String name, long seed) {
        Random random = new Random(seed);
        List<String> sorts = List.of("product", "purchasedAt", "maintenanceUntil", "status");
        Iterator<Map<String, Object>> queries = Stream.generate(() -> {
                    String q = switch (random.nextInt(3)) {
                        case 0 -> "";
                        case 1 -> "Backup";
                        default ->
                            issued.get(random.nextInt(issued.size()))
                                    .licenseKey()
                                    .substring(0, 5);
                    };
                    return Map.<String, Object>of(
                            "q",
                            q,
                            "sort",
                            sorts.get(random.nextInt(sorts.size())) + (random.nextBoolean() ? ",asc" : ",desc"),
                            "page",
                            random.nextInt(q.isEmpty() ? 500 : 5));
                })
                .iterator();
        return scenario(name + " of an account with " + LICENSES + " licenses")
                .exec(logIn())
                .exec(repeat(100)
                        .on(feed(queries)
                                .exec(http(name)
                                        .get("/api/v1/licenses?q=#{q}&sort=#{sort}&page=#{page}&size=20")
                                        .check(status().is(200)))));
    }

    /** Each virtual user activates one license; the watch on license.events measures the rest. */
    private ScenarioBuilder activateWatched(String name, int from, int count) {
        return scenario(name).feed(machines(from, count)).exec(activateWatched(name));
    }

    /**
     * Each virtual user activates one license, then asks license-service (as the logged-in owner,
     * through the gateway) for it until it shows ACTIVATED, at most 30 s. The group starts when the
     * activation was accepted: its duration is the lag, to within the polling interval.
     */
    private ScenarioBuilder lag(String name, int from, int count, Duration poll) {
        ChainBuilder untilActivated = asLongAsDuring(
                        session -> !"ACTIVATED".equals(session.getString("status")), Duration.ofSeconds(30))
                .on(pause(poll)
                        .exec(http("license status")
                                .get("/api/v1/licenses/#{licenseId}")
                                .check(jsonPath("$.license.status").saveAs("status")))
                        .exitHereIfFailed());
        ChainBuilder activatedOrFailed =
                exec(session -> "ACTIVATED".equals(session.getString("status")) ? session : session.markAsFailed());
        return scenario(name)
                .feed(machines(from, count))
                .exec(addCookie(Cookie("SESSION", sessionCookie)))
                .exec(activateWatched(name))
                .exec(group("lag: " + name).on(untilActivated.exec(activatedOrFailed)));
    }

    /** Activates the fed license and, once accepted, tells the watch on license.events. */
    private ChainBuilder activateWatched(String name) {
        return activate("activate (" + name + ")").exitHereIfFailed().exec(session -> {
            watch.accepted(session.getString("licenseId"));
            return session;
        });
    }

    private Iterator<Map<String, Object>> machines(int from, int count) {
        return issued.subList(from, from + count).stream()
                .map(LicenseCentralSimulation::machine)
                .iterator();
    }

    private static Map<String, Object> machine(BenchmarkData.Issued license) {
        return Map.of(
                "licenseKey",
                license.licenseKey(),
                "licenseId",
                license.licenseId(),
                "fingerprint",
                "fp-" + UUID.randomUUID());
    }

    private ChainBuilder activate(String name) {
        return exec(http(name)
                .post("/api/v1/software/activations")
                .body(
                        StringBody(
                                "{\"email\":\"" + email + "\",\"licenseKey\":\"#{licenseKey}\","
                                        + "\"fingerprint\":\"#{fingerprint}\",\"hostname\":\"benchmark\",\"productVersion\":\"5.3.0\"}"))
                .check(status().is(200)));
    }

    /** The portal's login: the gateway sends the browser to identity-service's form and back, with a session. */
    private ChainBuilder logIn() {
        // A browser asks for HTML: identity-service sends only such a caller to its login page.
        return exec(http("login: form")
                        .get("/oauth2/authorization/identity")
                        .header("Accept", "text/html")
                        .check(css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("login: submit")
                        .post("http://localhost:" + SystemStack.get().port("identity-service") + "/login")
                        .header("Accept", "text/html")
                        .asFormUrlEncoded()
                        .formParam("username", email)
                        .formParam("password", Customers.PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(currentLocation().is(SystemStack.gateway() + "/")))
                .exitHereIfFailed();
    }
}
