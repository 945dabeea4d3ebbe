// The catalog: product names, the store's Buy link, the support address, the product filter.

import { api } from './api.js';
import { supportAddress, safeHttpUrl } from './checks.js';
import { $, el } from './dom.js';
import { view } from './view.js';

let products = new Map(); // product code -> catalog product

/** A product's name; its code until the catalog is in (or if it never arrives). */
export const productName = (code) => products.get(code)?.name ?? code;

/** Loads the catalog; answers whether it arrived. The portal works without it: only Buy and the product filter are missing. */
export async function loadCatalog() {
  try {
    const catalog = await api('/api/v1/catalog');
    products = new Map((catalog.products ?? []).map((product) => [product.code, product]));
    renderCatalog(catalog, safeHttpUrl(catalog.storeUrl, window.location.origin));
    return true;
  } catch (error) {
    console.warn('catalog not loaded', error);
    return false;
  }
}

function renderCatalog(catalog, storeUrl) {
  for (const link of [$('buy'), $('empty-buy')]) {
    link.hidden = !storeUrl;
    if (storeUrl) link.href = storeUrl;
  }
  const support = supportAddress(catalog.supportEmail);
  $('support-link').textContent = support;
  $('support-link').href = `mailto:${support}`;
  const select = $('product-filter');
  select.replaceChildren(
    el('option', { value: '', text: 'All products' }),
    ...[...products.values()].map((product) => el('option', { value: product.code, text: product.name })),
  );
  select.value = view.query.product;
}
