package org.licensecentral.store.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class FormValidationTest {

    private static final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteBuyFormHasNoMistakes() {
        assertThat(validator.validate(purchase("buyer@example.org", 1, 1, 1))).isEmpty();
    }

    @Test
    void theBuyFormKeepsWithinWhatAPersonBuysInAPage() {
        assertThat(fields(validator.validate(purchase("buyer@example.org", 101, 0, 6))))
                .containsExactlyInAnyOrder("quantity", "seats", "years");
    }

    @Test
    void theEmailIsTrimmedAndMustBeAnAddress() {
        PurchaseForm trimmed = purchase("  buyer@example.org ", 1, 1, 1);

        assertThat(trimmed.getEmail()).isEqualTo("buyer@example.org");
        assertThat(fields(validator.validate(purchase("buyer", 1, 1, 1)))).containsExactly("email");
    }

    @Test
    void aRenewalNeedsAKeyOfFiveGroupsOfFive() {
        assertThat(fields(validator.validate(renewal("ABCDE-FGHJK-MNPQR-STUVW-XYZ23"))))
                .isEmpty();
        assertThat(fields(validator.validate(renewal("abcde-fghjk-mnpqr-stuvw-xyz23"))))
                .isEmpty();
        assertThat(fields(validator.validate(renewal("ABCDE-FGHJK")))).containsExactly("licenseKey");
        assertThat(fields(validator.validate(renewal("ABCDE-FGHJK-MNPQR-STUVW-XYZ2<"))))
                .containsExactly("licenseKey");
    }

    private static PurchaseForm purchase(String email, int quantity, int seats, int years) {
        PurchaseForm form = new PurchaseForm();
        form.setEmail(email);
        form.setOffer("BACKUP:Professional");
        form.setQuantity(quantity);
        form.setSeats(seats);
        form.setYears(years);
        return form;
    }

    private static RenewalForm renewal(String key) {
        RenewalForm form = new RenewalForm();
        form.setLicenseKey(key);
        form.setEmail("payer@example.org");
        form.setOffer("BACKUP:Professional");
        form.setYears(1);
        return form;
    }

    private static <T> List<String> fields(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
    }
}
