package org.licensecentral.license.messaging;

import java.util.Set;
import java.util.function.Consumer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.licensecentral.license.api.PurchaseCompleted;
import org.licensecentral.license.application.PurchaseProcessor;
import org.licensecentral.license.command.PurchaseConflictException;
import org.licensecentral.license.command.PurchaseRejectedException;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code store.purchases} in: each purchase becomes licenses. A bad one goes to the dead-letter topic
 * with its reason: invalid, naming something the catalog does not sell, or reusing a purchase id
 * recorded with other content.
 */
@Configuration(proxyBeanMethods = false)
public class StorePurchasesConsumer {

    @Bean
    Consumer<Message<PurchaseCompleted>> storePurchases(PurchaseProcessor processor, Validator validator) {
        return message -> {
            PurchaseCompleted purchase = Payloads.require(message, PurchaseCompleted.class);
            Set<ConstraintViolation<PurchaseCompleted>> violations = validator.validate(purchase);
            if (!violations.isEmpty()) {
                throw new RejectedMessageException("invalid purchase: "
                        + violations.stream()
                                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                .sorted()
                                .toList());
            }
            try {
                processor.process(purchase);
            } catch (PurchaseRejectedException e) {
                throw new RejectedMessageException(
                        "purchase " + purchase.purchaseId() + " rejected: " + e.getMessage(), e);
            } catch (PurchaseConflictException e) {
                throw new RejectedMessageException(e.getMessage(), e);
            }
        };
    }
}
