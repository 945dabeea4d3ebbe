package org.licensecentral.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template, both parts, rendered with data as its producer sends it (issue 17: mail people
 * can read): no internal id, no raw timestamp, no code in a subject, a text part that fits 72
 * columns, and a link into the portal in both parts.
 */
class MailTemplatesTest {

    private static final String PORTAL = "https://portal.licensecentral.example.com";
    private static final String STORE = "https://store.licensecentral.example.com/";
    private static final String CODE = "K7PQ2XMA";
    private static final String LICENSE_ID = "785bc64d-3f0a-4c8e-9b1d-2e6f7a8b9c0d";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    /** An ISO date or moment as a program writes it: 2026-12-01, 2026-12-01T18:33:54.188366032Z. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MailTemplates templates = new MailTemplates(new MailProperties(
            "noreply@licensecentral.org", "License Central", PORTAL + "/", STORE, "support@licensecentral.org"));

    /** Each template with realistic data: as JSON delivers it from a producer, or as this service builds it. */
    static Stream<Map.Entry<String, Map<String, Object>>> everyTemplate() {
        Map<String, Object> backupServer = Map.of(
                "product", "Backup", "edition", "Server", "licenseKeyEnd", "R3RR9", "maintenanceUntil", "2027-03-14");
        Map<String, Object> driveHome = Map.of(
                "product", "Drive", "edition", "Home", "licenseKeyEnd", "7HQ2K", "maintenanceUntil", "2027-11-01");
        Map<String, Map<String, Object>> samples = Map.of(
                "attach-code",
                Map.of(
                        "code",
                        CODE,
                        "expiresAt",
                        "2026-12-01T18:33:54.188366032Z",
                        "licenses",
                        List.of(
                                Map.of("product", "Backup", "edition", "Server"),
                                Map.of("product", "Drive", "edition", "Home"))),
                "licenses-attached",
                Map.of("licenses", List.of(backupServer, driveHome)),
                "licenses-attached-away",
                Map.of("licenses", List.of(backupServer, driveHome)),
                "license-attached",
                Map.of("licenseId", LICENSE_ID),
                "license-attached-away",
                Map.of("licenseId", LICENSE_ID),
                "email-verification",
                Map.of("code", CODE),
                "password-reset",
                Map.of("code", CODE),
                "machine-activated",
                Map.of(
                        "product", "Backup",
                        "edition", "Server",
                        "licenseKey", "ABCDE-FGHJK-MNPQR-STUVW-R3RR9",
                        "hostname", "accounting-workstation-07.office.example.com",
                        "productVersion", "5.3.1",
                        "at", Instant.parse("2026-12-01T18:33:54.188366032Z")),
                "maintenance-ending",
                Map.of(
                        "product", "Backup",
                        "edition", "Server",
                        "licenseKey", "ABCDE-FGHJK-MNPQR-STUVW-R3RR9",
                        "maintenanceUntil", LocalDate.of(2027, 3, 14)),
                "maintenance-ended",
                Map.of(
                        "product", "Backup",
                        "edition", "Server",
                        "licenseKey", "ABCDE-FGHJK-MNPQR-STUVW-R3RR9",
                        "maintenanceUntil", LocalDate.of(2027, 3, 14)));
        assertThat(samples.keySet()).as("a sample for every template").isEqualTo(MailTemplates.NAMES);
        return samples.entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void everyTemplateShowsNoInternalIdInEitherPart(Map.Entry<String, Map<String, Object>> sample) {
        MailTemplates.RenderedMail mail = render(sample);

        assertThat(UUID.matcher(mail.subject() + mail.text() + mail.html()).find())
                .as("a UUID in %s", sample.getKey())
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void everyTemplateSaysDatesInWordsNotAsIsoText(Map.Entry<String, Map<String, Object>> sample) {
        MailTemplates.RenderedMail mail = render(sample);

        assertThat(ISO_DATE.matcher(mail.subject() + mail.text() + mail.html()).find())
                .as("an ISO date or timestamp in %s:%n%s", sample.getKey(), mail.text())
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void noSubjectCarriesACode(Map.Entry<String, Map<String, Object>> sample) {
        MailTemplates.RenderedMail mail = render(sample);

        assertThat(mail.subject()).doesNotContain(CODE).doesNotContain("R3RR9").isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void everyCodeIsInTheBodyOfBothParts(Map.Entry<String, Map<String, Object>> sample) {
        MailTemplates.RenderedMail mail = render(sample);

        if (sample.getValue().containsKey("code")) {
            assertThat(mail.text()).contains(CODE);
            assertThat(mail.html()).contains(CODE);
        }
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void theTextPartFitsSeventyTwoColumnsSaveForAWordThatCannotBreak(Map.Entry<String, Map<String, Object>> sample) {
        MailTemplates.RenderedMail mail = render(sample);

        assertThat(mail.text().lines())
                .allSatisfy(
                        line -> assertThat(line.length() <= 72 || !line.strip().contains(" "))
                                .as("over 72 columns in %s: %s", sample.getKey(), line)
                                .isTrue());
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void bothPartsLinkIntoThePortal(Map.Entry<String, Map<String, Object>> sample) {
        MailTemplates.RenderedMail mail = render(sample);

        assertThat(mail.text()).contains(PORTAL + "/");
        assertThat(mail.html()).contains("href=\"" + PORTAL + "/");
    }

    @Test
    void aLicenseIsNamedByProductEditionAndTheLastGroupOfItsKeyWithALinkToIt() {
        MailTemplates.RenderedMail mail = render(everyTemplate()
                .filter(sample -> sample.getKey().equals("licenses-attached"))
                .findFirst()
                .orElseThrow());

        assertThat(mail.subject()).isEqualTo("Licenses were added to your account");
        assertThat(mail.text())
                .contains("Backup Server, key …-R3RR9, maintenance until 14 March 2027")
                .contains(PORTAL + "/?q=R3RR9")
                .contains("Drive Home, key …-7HQ2K");
        assertThat(mail.html()).contains("href=\"" + PORTAL + "/?q=R3RR9\"").contains("14 March 2027");
    }

    @Test
    void theAttachCodeSaysWhenItExpiresInUtcWithTheZoneNamed() {
        MailTemplates.RenderedMail mail = render(Map.entry(
                "attach-code",
                Map.of("code", CODE, "expiresAt", "2026-12-01T18:33:54.188366032Z", "licenses", List.of())));

        assertThat(mail.text()).contains("1 December 2026 at 18:33 UTC");
        assertThat(mail.html()).contains("1 December 2026 at 18:33 UTC");
    }

    @Test
    void aValueThatIsNoDateIsShownAsItCameRatherThanLosingTheMail() {
        MailTemplates.RenderedMail mail =
                render(Map.entry("attach-code", Map.of("code", CODE, "expiresAt", "soon", "licenses", List.of())));

        assertThat(mail.text()).contains("The code works until soon.").contains(CODE);
    }

    @Test
    void theMaintenanceRemindersLinkToTheStoreToRenew() {
        for (String template : List.of("maintenance-ending", "maintenance-ended")) {
            MailTemplates.RenderedMail mail = render(Map.entry(
                    template,
                    Map.of("product", "Backup", "licenseKey", "ABCDE-R3RR9", "maintenanceUntil", "2027-03-14")));

            assertThat(mail.text()).contains("Renew in the store: " + STORE).contains("14 March 2027");
            assertThat(mail.html()).contains("href=\"" + STORE + "\"");
        }
    }

    @Test
    void theHtmlPartEscapesWhatTheDataHolds() {
        MailTemplates.RenderedMail mail = render(Map.entry(
                "machine-activated",
                Map.of(
                        "product", "Backup",
                        "licenseKey", "ABCDE-R3RR9",
                        "hostname", "<img src=x onerror=alert(1)>",
                        "productVersion", "5.3.1",
                        "at", "2026-12-01T18:33:54Z")));

        assertThat(mail.html()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(mail.text()).contains("\"<img src=x onerror=alert(1)>\"");
    }

    private MailTemplates.RenderedMail render(Map.Entry<String, Map<String, Object>> sample) {
        return templates.render(sample.getKey(), sample.getValue());
    }
}
