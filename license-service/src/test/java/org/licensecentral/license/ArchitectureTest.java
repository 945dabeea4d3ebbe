package org.licensecentral.license;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The service's packages by role (STYLE rule 13, issue 19), as the README's "Structure of the
 * service" describes them. Packages are named in full: a pattern like {@code ..command..} would also
 * match Axon's {@code org.axonframework.modelling.command}.
 */
@AnalyzeClasses(packages = ArchitectureTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String SERVICE = "org.licensecentral.license";
    private static final String API = SERVICE + ".api..";
    private static final String COMMAND = SERVICE + ".command..";
    private static final String QUERY = SERVICE + ".query..";
    private static final String CATALOG = SERVICE + ".catalog..";
    private static final String APPLICATION = SERVICE + ".application..";
    private static final String WEB = SERVICE + ".web..";
    private static final String MESSAGING = SERVICE + ".messaging..";
    private static final String CONFIG = SERVICE + ".config..";

    @ArchTest
    static final ArchRule rolePackagesFormNoCycles =
            slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles();

    /** Messages are plain records: the JDK, Axon's and validation's annotations (the platform's own too), Jackson's at most. */
    @ArchTest
    static final ArchRule apiDependsOnNothingOfTheServiceOutsideApi = classes()
            .that()
            .resideInAPackage(API)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    API,
                    "java..",
                    "jakarta.validation..",
                    "org.licensecentral.support.validation..",
                    "org.axonframework.modelling.command..",
                    "org.axonframework.serialization..",
                    "com.fasterxml.jackson.annotation..");

    /** The aggregates decide on their own events and the command's data; what they need comes in through the command. */
    @ArchTest
    static final ArchRule commandDependsOnApiAlone = noClasses()
            .that()
            .resideInAPackage(COMMAND)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(QUERY, CATALOG, APPLICATION, WEB, MESSAGING, CONFIG);

    @ArchTest
    static final ArchRule aggregatesLiveInCommand =
            classes().that().areAnnotatedWith(Aggregate.class).should().resideInAPackage(COMMAND);

    @ArchTest
    static final ArchRule queryDoesNotDependOnCommandsOrTheirUseCases = noClasses()
            .that()
            .resideInAPackage(QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, APPLICATION, WEB, MESSAGING);

    @ArchTest
    static final ArchRule catalogDependsOnApiAlone = noClasses()
            .that()
            .resideInAPackage(CATALOG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, QUERY, APPLICATION, WEB, MESSAGING, CONFIG);

    /** The portal reads the read model and sends commands; a license's history is the query side's read. */
    @ArchTest
    static final ArchRule webNeverTouchesTheEventStore = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.eventsourcing..");

    /** The use cases are entered over HTTP or from a topic, and reach the broker only through ports of their own. */
    @ArchTest
    static final ArchRule useCasesAreCalledFromWebAndMessagingOnly = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(APPLICATION, WEB, MESSAGING);

    @ArchTest
    static final ArchRule nothingDependsOnWeb = noClasses()
            .that()
            .resideOutsideOfPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(WEB);

    @ArchTest
    static final ArchRule nothingDependsOnMessaging = noClasses()
            .that()
            .resideOutsideOfPackage(MESSAGING)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(MESSAGING);

    @ArchTest
    static final ArchRule nothingDependsOnConfig = noClasses()
            .that()
            .resideOutsideOfPackage(CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CONFIG);

    @ArchTest
    static final ArchRule onlyWebSpeaksHttp = noClasses()
            .that()
            .resideOutsideOfPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "org.licensecentral.support.web..");

    @ArchTest
    static final ArchRule onlyMessagingTouchesTheBroker = noClasses()
            .that()
            .resideOutsideOfPackage(MESSAGING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.messaging..",
                    "org.springframework.cloud.stream..",
                    "org.apache.kafka..",
                    "org.licensecentral.support.messaging..",
                    "org.licensecentral.support.axon..");
}
