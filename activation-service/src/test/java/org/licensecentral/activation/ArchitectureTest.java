package org.licensecentral.activation;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package roles of the README's "Structure of the service", as rules that run with the unit
 * tests (STYLE.md, rule 13). The main classes only: a test may reach across roles.
 */
@AnalyzeClasses(packages = "org.licensecentral.activation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SERVICE = "org.licensecentral.activation..";

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("org.licensecentral.activation.(*)..").should().beFreeOfCycles();

    /** Commands and events are the aggregate's contract and what is persisted: they name nothing internal. */
    @ArchTest
    static final ArchRule apiDependsOnNothingElseOfTheService = classes()
            .that()
            .resideInAPackage("org.licensecentral.activation.api..")
            .should()
            .onlyDependOnClassesThat(
                    resideInAPackage("org.licensecentral.activation.api..").or(resideOutsideOfPackage(SERVICE)));

    @ArchTest
    static final ArchRule webNeverTouchesTheEventStore = noClasses()
            .that()
            .resideInAPackage("org.licensecentral.activation.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.eventsourcing..");

    /** The seat ledger is event-sourced in command; config only wires its snapshot trigger. */
    @ArchTest
    static final ArchRule onlyCommandAndConfigReachTheEventStore = noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .and()
            .resideOutsideOfPackages(
                    "org.licensecentral.activation.command..", "org.licensecentral.activation.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule queryDoesNotDependOnCommand = noClasses()
            .that()
            .resideInAPackage("org.licensecentral.activation.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.licensecentral.activation.command..");

    /** The views of license.events and the keys are used by the roles, and use none of them. */
    @ArchTest
    static final ArchRule licensesAndKeysDependOnNoRole = noClasses()
            .that()
            .resideInAnyPackage("org.licensecentral.activation.licenses..", "org.licensecentral.activation.keys..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.licensecentral.activation.api..",
                    "org.licensecentral.activation.command..",
                    "org.licensecentral.activation.query..",
                    "org.licensecentral.activation.web..",
                    "org.licensecentral.activation.messaging..",
                    "org.licensecentral.activation.config..");

    /** Endpoints and Kafka are the service's edges: nothing inside calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnTheEdges = noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .and()
            .resideOutsideOfPackages("org.licensecentral.activation.web..", "org.licensecentral.activation.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.licensecentral.activation.web..", "org.licensecentral.activation.messaging..");
}
