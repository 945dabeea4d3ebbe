package org.licensecentral.store.purchase;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The renewal form: years of maintenance for one license, named by its key, paid by an e-mail
 * address (the buyer's, who need not own it). The product and edition say what is renewed and at
 * which price; license-service refuses a key of another product.
 */
public class RenewalForm {

    @NotBlank(message = "Enter the license key.")
    @Pattern(
            regexp = "[2-9A-Za-z]{5}(-[2-9A-Za-z]{5}){4}",
            message = "A license key is five groups of five letters and digits, such as ABCDE-FGHJK-MNPQR-STUVW-XYZ23.")
    private String licenseKey;

    @NotBlank(message = "Enter your e-mail address.")
    @Email(message = "Enter an e-mail address such as name@example.org.")
    @Size(max = 254, message = "An e-mail address has at most 254 characters.")
    private String email;

    @NotBlank(message = "Choose the product and edition of the license.")
    private String offer;

    @NotNull(message = "Choose the years of maintenance.")
    @Min(value = 1, message = "Renew for at least 1 year.")
    @Max(value = 5, message = "Renew for at most 5 years.")
    private Integer years = 1;

    public String getLicenseKey() {
        return licenseKey;
    }

    public void setLicenseKey(String licenseKey) {
        this.licenseKey = licenseKey == null ? null : licenseKey.trim();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.trim();
    }

    public String getOffer() {
        return offer;
    }

    public void setOffer(String offer) {
        this.offer = offer;
    }

    public Integer getYears() {
        return years;
    }

    public void setYears(Integer years) {
        this.years = years;
    }
}
