package org.licensecentral.notification;

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
@AnalyzeClasses(packages = "org.licensecentral.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SERVICE = "org.licensecentral.notification..";
    private static final String API = "org.licensecentral.notification.api..";
    private static final String MAIL = "org.licensecentral.notification.mail..";
    private static final String DELIVERY = "org.licensecentral.notification.delivery..";
    private static final String LICENSES = "org.licensecentral.notification.licenses..";
    private static final String MESSAGING = "org.licensecentral.notification.messaging..";
    private static final String WEB = "org.licensecentral.notification.web..";

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("org.licensecentral.notification.(*)..").should().beFreeOfCycles();

    /** The consumed message is the producer's wire format: it names nothing internal. */
    @ArchTest
    static final ArchRule apiDependsOnNothingElseOfTheService = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MAIL, DELIVERY, LICENSES, MESSAGING, WEB);

    /** Templates and the SMTP sender know no request, log or license. */
    @ArchTest
    static final ArchRule mailDependsOnNothingElseOfTheService = noClasses()
            .that()
            .resideInAPackage(MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DELIVERY, LICENSES, MESSAGING, WEB);

    @ArchTest
    static final ArchRule deliveryUsesOnlyMail = noClasses()
            .that()
            .resideInAPackage(DELIVERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, LICENSES, MESSAGING, WEB);

    /** Exactly once per request holds only if every mail passes the delivery log: nobody else sends. */
    @ArchTest
    static final ArchRule onlyDeliverySendsMail = noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .and()
            .resideOutsideOfPackages(DELIVERY, MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.mail..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.licensecentral.notification.mail.Mailer");

    /** Kafka and the endpoint are the service's edges: nothing inside calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnTheEdges = noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .and()
            .resideOutsideOfPackages(MESSAGING, WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MESSAGING, WEB);
}
