package org.licensecentral.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The known answers were computed independently, with Python's hmac module and a base32 of its own. */
class DeactivationCodeTest {

    private static final byte[] COUNTING = counting();
    private static final byte[] ZEROS = new byte[32];
    private static final byte[] ONES = filled((byte) 0xff);

    @Test
    void theCodeIsTheKnownAnswerForASecretAndActivationId() {
        assertThat(DeactivationCode.of(COUNTING, "3f2a5c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"))
                .isEqualTo("CXZF-Q53B-26ET-VE3E");
    }

    @Test
    void otherSecretsGiveTheirKnownAnswers() {
        assertThat(DeactivationCode.of(ZEROS, "act-1")).isEqualTo("AFNP-5H5C-VRSW-99C1");
        assertThat(DeactivationCode.of(ONES, "act-1")).isEqualTo("MEMY-5B93-5JC6-067Y");
    }

    @Test
    void theCodeIsFourGroupsOfFourCrockfordCharacters() {
        assertThat(DeactivationCode.of(COUNTING, "act-7")).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    }

    @Test
    void anotherActivationUnderTheSameSecretHasAnotherCode() {
        assertThat(DeactivationCode.of(COUNTING, "act-1")).isNotEqualTo(DeactivationCode.of(COUNTING, "act-2"));
    }

    @Test
    void theCodeAsPrintedMatches() {
        assertThat(DeactivationCode.matches("AFNP-5H5C-VRSW-99C1", ZEROS, "act-1"))
                .isTrue();
    }

    @Test
    void caseSpacesAndDashesDoNotMatter() {
        assertThat(DeactivationCode.matches(" afnp 5h5c-vrsw99c1 ", ZEROS, "act-1"))
                .isTrue();
    }

    @Test
    void iAndLAreReadAsOne() {
        assertThat(DeactivationCode.matches("AFNP-5H5C-VRSW-99CI", ZEROS, "act-1"))
                .isTrue();
        assertThat(DeactivationCode.matches("AFNP-5H5C-VRSW-99cl", ZEROS, "act-1"))
                .isTrue();
    }

    @Test
    void oIsReadAsZero() {
        assertThat(DeactivationCode.matches("MEMY-5B93-5JC6-O67Y", ONES, "act-1"))
                .isTrue();
    }

    @Test
    void theCodeOfAnotherActivationDoesNotMatch() {
        assertThat(DeactivationCode.matches(DeactivationCode.of(ZEROS, "act-2"), ZEROS, "act-1"))
                .isFalse();
    }

    @Test
    void aCodeThatCannotBeParsedDoesNotMatch() {
        assertThat(DeactivationCode.matches("AFNP-5H5C", ZEROS, "act-1")).isFalse();
    }

    @Test
    void parsingGivesThePrintedForm() {
        assertThat(DeactivationCode.parse("memy5b935jc6o67y")).isEqualTo("MEMY-5B93-5JC6-067Y");
    }

    @Test
    void parsingRefusesACodeOfAnotherLength() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeactivationCode.parse("MEMY-5B93-5JC6-067"))
                .withMessageContaining("16 characters");
    }

    @Test
    void parsingRefusesACharacterOutsideTheAlphabet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeactivationCode.parse("MEMY-5B93-5JC6-U67Y"))
                .withMessageContaining("'U'");
    }

    private static byte[] counting() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) i;
        }
        return secret;
    }

    private static byte[] filled(byte value) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, value);
        return secret;
    }
}
