package org.licensecentral.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.beans.factory.annotation.Value;

/**
 * The package roles of the README's "Structure", as rules that run with the unit tests (STYLE.md,
 * rule 13). The main classes only: a test may reach across roles.
 */
@AnalyzeClasses(packages = "org.licensecentral.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String GATEWAY = "org.licensecentral.gateway..";
    private static final String CONFIG = "org.licensecentral.gateway.config..";
    private static final String SECURITY = "org.licensecentral.gateway.security..";
    private static final String LIMITS = "org.licensecentral.gateway.limits..";
    private static final String WEB = "org.licensecentral.gateway.web..";
    private static final String HEALTH = "org.licensecentral.gateway.health..";

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("org.licensecentral.gateway.(*)..").should().beFreeOfCycles();

    /** The RateLimit filter is configured by its routes' arguments alone. */
    @ArchTest
    static final ArchRule limitsDependOnNothingElseOfTheGateway = noClasses()
            .that()
            .resideInAPackage(LIMITS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CONFIG, SECURITY, WEB, HEALTH);

    /** The refusals and the CSRF cookie are used by the security chains, and use nothing of them. */
    @ArchTest
    static final ArchRule securityDependsOnNothingElseOfTheGateway = noClasses()
            .that()
            .resideInAPackage(SECURITY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CONFIG, LIMITS, WEB, HEALTH);

    /** Filters, endpoints and health indicators are picked up by Spring: nothing else calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnWebLimitsOrHealth = noClasses()
            .that()
            .resideInAPackage(GATEWAY)
            .and()
            .resideOutsideOfPackages(WEB, LIMITS, HEALTH)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB, LIMITS, HEALTH);

    /** The gateway's settings are one record, GatewayProperties; the routes' arguments are properties too. */
    @ArchTest
    static final ArchRule settingsComeFromGatewayPropertiesNotValueInjection = noClasses()
            .that()
            .resideInAPackage(GATEWAY)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Value.class.getName());
}
