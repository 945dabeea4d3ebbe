package org.licensecentral.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package roles of the README's "Structure", as rules that run with the unit tests (STYLE.md,
 * rule 13). The main classes only.
 */
@AnalyzeClasses(packages = "org.licensecentral.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("org.licensecentral.store.(*)..").should().beFreeOfCycles();

    /** The page is the edge: catalog and purchase know nothing of it. */
    @ArchTest
    static final ArchRule nothingButTheApplicationDependsOnWeb = noClasses()
            .that()
            .resideInAnyPackage("org.licensecentral.store.catalog..", "org.licensecentral.store.purchase..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.licensecentral.store.web..");

    /** Purchases leave through Checkout alone, in store-purchases' record; the page never writes to Kafka. */
    @ArchTest
    static final ArchRule onlyPurchaseAndConfigPublish = noClasses()
            .that()
            .resideInAnyPackage("org.licensecentral.store.web..", "org.licensecentral.store.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..");

    /** What the store sells comes from the catalog; the catalog knows nothing of selling. */
    @ArchTest
    static final ArchRule catalogDependsOnNoPurchase = noClasses()
            .that()
            .resideInAPackage("org.licensecentral.store.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.licensecentral.store.purchase..");
}
