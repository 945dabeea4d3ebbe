package org.licensecentral.identity;

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
@AnalyzeClasses(packages = "org.licensecentral.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SERVICE = "org.licensecentral.identity..";

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("org.licensecentral.identity.(*)..").should().beFreeOfCycles();

    /** Accounts and their limits are the service's domain: they know no endpoint and no wiring. */
    @ArchTest
    static final ArchRule accountDependsOnNeitherWebNorConfig = noClasses()
            .that()
            .resideInAPackage("org.licensecentral.identity.account..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.licensecentral.identity.web..", "org.licensecentral.identity.config..");

    @ArchTest
    static final ArchRule keysDependOnNothingElseOfTheService = noClasses()
            .that()
            .resideInAPackage("org.licensecentral.identity.keys..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.licensecentral.identity.account..",
                    "org.licensecentral.identity.config..",
                    "org.licensecentral.identity.web..");

    /** Endpoints reach accounts through AccountService, never the database. */
    @ArchTest
    static final ArchRule webNeverTouchesMongoDb = noClasses()
            .that()
            .resideInAPackage("org.licensecentral.identity.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.data.mongodb..");

    /** The endpoints are the service's edge: nothing inside calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnWeb = noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .and()
            .resideOutsideOfPackage("org.licensecentral.identity.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.licensecentral.identity.web..");
}
