package org.licensecentral.store.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.licensecentral.store.catalog.CatalogClient;
import org.licensecentral.store.catalog.CatalogUnavailableException;
import org.licensecentral.store.catalog.Offer;
import org.licensecentral.store.catalog.StoreCatalog;
import org.licensecentral.store.config.StoreProperties;
import org.licensecentral.store.purchase.Checkout;
import org.licensecentral.store.purchase.PurchaseForm;
import org.licensecentral.store.purchase.Receipt;
import org.licensecentral.store.purchase.RenewalForm;
import org.licensecentral.storepurchases.StorePurchases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The store's page: the catalog with its prices, the buy form and the renewal form. A form with a
 * mistake comes back with the mistake said next to its field (400); a purchase that went through
 * redirects to its confirmation (post, redirect, get: a reload does not buy again).
 */
@Controller
class StoreController {

    private static final Logger log = LoggerFactory.getLogger(StoreController.class);

    private final CatalogClient catalogs;
    private final Checkout checkout;
    private final StoreProperties properties;
    private final PriceFormat prices = new PriceFormat();

    StoreController(CatalogClient catalogs, Checkout checkout, StoreProperties properties) {
        this.catalogs = catalogs;
        this.checkout = checkout;
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("fmt", prices);
        model.addAttribute("portalUrl", properties.portalUrl().toString());
    }

    /**
     * The page. No parameter fills in the renewal's key: a license key activates the product, and in
     * a link it would end up in browser histories and logs (the mails show only its last group).
     */
    @GetMapping("/")
    String store(Model model) {
        return page(model, new PurchaseForm(), new RenewalForm());
    }

    @PostMapping("/purchases")
    String buy(
            @Valid @ModelAttribute("purchaseForm") PurchaseForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws InterruptedException {
        StoreCatalog catalog = catalogs.catalog();
        Optional<Offer> offer = offerOf(catalog, form.getOffer(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, catalog, form, new RenewalForm());
        }
        return confirmed(checkout.buy(form, offer.orElseThrow()), redirect);
    }

    @PostMapping("/renewals")
    String renew(
            @Valid @ModelAttribute("renewalForm") RenewalForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws InterruptedException {
        StoreCatalog catalog = catalogs.catalog();
        Optional<Offer> offer = offerOf(catalog, form.getOffer(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, catalog, new PurchaseForm(), form);
        }
        return confirmed(checkout.renew(form, offer.orElseThrow()), redirect);
    }

    /**
     * The confirmation. Its details come with the redirect (a flash attribute, kept for this one
     * request); opened again later, the page still names the purchase id.
     */
    @GetMapping("/purchases/{purchaseId}")
    String confirmation(@PathVariable String purchaseId, Model model) {
        if (!purchaseId.matches("WS-[2-9A-Z]{10}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("purchaseId", purchaseId);
        return "confirmation";
    }

    @ExceptionHandler(CatalogUnavailableException.class)
    String catalogUnavailable(CatalogUnavailableException e, Model model, HttpServletResponse response) {
        log.warn("store closed for this request: {}", e.getMessage());
        return closed(
                model,
                response,
                "The catalog is not available right now, so nothing can be bought. Try again in a minute.");
    }

    @ExceptionHandler(StorePurchases.PublishFailedException.class)
    String notPublished(StorePurchases.PublishFailedException e, Model model, HttpServletResponse response) {
        log.error("purchase not published", e);
        return closed(
                model,
                response,
                "The store could not pass the purchase on to License Central, so nothing was bought. Try again in a "
                        + "minute.");
    }

    private String closed(Model model, HttpServletResponse response, String message) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        common(model);
        model.addAttribute("message", message);
        return "unavailable";
    }

    private static String confirmed(Receipt receipt, RedirectAttributes redirect) {
        redirect.addFlashAttribute("receipt", receipt);
        return "redirect:/purchases/" + receipt.purchaseId();
    }

    /** The offer the form chose, or a field error on {@code offer} when the catalog does not sell it. */
    private static Optional<Offer> offerOf(StoreCatalog catalog, String id, BindingResult errors) {
        if (id == null || id.isBlank()) {
            return Optional.empty(); // @NotBlank has said so
        }
        Optional<Offer> offer = catalog.offer(id);
        if (offer.isEmpty()) {
            errors.rejectValue("offer", "unknown", "The store does not sell that; choose a product and edition.");
        }
        return offer;
    }

    private String page(Model model, PurchaseForm purchase, RenewalForm renewal) {
        return page(model, catalogs.catalog(), purchase, renewal);
    }

    private static String page(Model model, StoreCatalog catalog, PurchaseForm purchase, RenewalForm renewal) {
        model.addAttribute("catalog", catalog);
        model.addAttribute("purchaseForm", purchase);
        model.addAttribute("renewalForm", renewal);
        return "store";
    }
}
