package org.licensecentral.store.purchase;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The buy form: licenses of one edition for an e-mail address. The limits are tighter than those
 * of license-service's purchase record (up to 1,000 licenses, 10,000 seats, 120 months), which a
 * person buying in a web page does not reach. A bean with setters, as Spring binds a form.
 */
public class PurchaseForm {

    @NotBlank(message = "Enter the e-mail address the licenses are for.")
    @Email(message = "Enter an e-mail address such as name@example.org.")
    @Size(max = 254, message = "An e-mail address has at most 254 characters.")
    private String email;

    @NotBlank(message = "Choose a product and edition.")
    private String offer;

    @NotNull(message = "Enter how many licenses.")
    @Min(value = 1, message = "Buy at least 1 license.")
    @Max(value = 100, message = "Buy at most 100 licenses at once.")
    private Integer quantity = 1;

    @NotNull(message = "Enter the machines each license is for.")
    @Min(value = 1, message = "Each license is for at least 1 machine.")
    @Max(value = 100, message = "Each license is for at most 100 machines.")
    private Integer seats = 1;

    @NotNull(message = "Choose the years of maintenance.")
    @Min(value = 1, message = "Maintenance is at least 1 year.")
    @Max(value = 5, message = "Maintenance is at most 5 years.")
    private Integer years = 1;

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

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }

    public Integer getYears() {
        return years;
    }

    public void setYears(Integer years) {
        this.years = years;
    }
}
