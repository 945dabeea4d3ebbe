package org.licensecentral.notification.web;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.licensecentral.notification.delivery.Delivery;
import org.licensecentral.notification.delivery.DeliveryService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For support: what was sent, or failed, to an address (internal client only). */
@RestController
class DeliveryController {

    private final DeliveryService deliveries;

    DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/internal/deliveries")
    List<Delivery> deliveries(@RequestParam @NotBlank @Email String to) {
        return deliveries.deliveriesTo(to);
    }
}
