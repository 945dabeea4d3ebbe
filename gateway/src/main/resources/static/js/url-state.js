// The portal's state in the address bar: tab, q, status, product, sort, page. Pure: parses and
// writes query strings, so a shared or reloaded link shows the same list, and so it is unit tested.

export const DEFAULT_SORT = 'purchasedAt,desc';
// Every column of the license list that shows data, by the API's sort names (LicenseQueries).
export const SORT_FIELDS = ['status', 'product', 'edition', 'purchasedAt', 'maintenanceUntil', 'licenseKey'];
export const STATUSES = ['ACTIVATED', 'NOT_ACTIVATED'];
export const TABS = ['licenses', 'activations'];
// license-service refuses a longer q (LicenseController: @Size(max = 100)).
const MAX_QUERY_LENGTH = 100;
const PRODUCT_CODE = /^[A-Z]{1,32}$/;

/** The sort as field and direction; anything but a known field with asc or desc is the default. */
export function parseSort(sort) {
  const [field, direction] = String(sort ?? '').split(',');
  return SORT_FIELDS.includes(field) && ['asc', 'desc'].includes(direction)
    ? { field, direction }
    : parseSort(DEFAULT_SORT);
}

/**
 * What a query string (window.location.search) says; whatever is unknown or malformed falls back
 * to the default, since links are typed, shortened and edited by hand. The page is 1-based in the
 * URL and 0-based in the answer, as the API counts.
 */
export function parseViewState(search) {
  const params = new URLSearchParams(search);
  const { field, direction } = parseSort(params.get('sort'));
  const status = params.get('status');
  const product = params.get('product') ?? '';
  return {
    tab: params.get('tab') === 'activations' ? 'activations' : 'licenses',
    query: {
      q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
      sort: `${field},${direction}`,
      page: Math.max(0, (Number.parseInt(params.get('page'), 10) || 1) - 1),
      status: STATUSES.includes(status) ? status : '',
      product: PRODUCT_CODE.test(product) ? product : '',
    },
  };
}

/** The query string for a state, without the leading "?"; defaults are left out, so "" is the plain list. */
export function serializeViewState({ tab, query }) {
  const params = new URLSearchParams();
  const { q, status, product, sort, page } = query;
  if (tab !== 'licenses') params.set('tab', tab);
  if (q) params.set('q', q);
  if (status) params.set('status', status);
  if (product) params.set('product', product);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (page > 0) params.set('page', String(page + 1));
  return params.toString();
}

/** A header clicked: ascending first, and a second click on the same column turns it round. */
export function nextSort(sort, field) {
  const current = parseSort(sort);
  const direction = current.field === field && current.direction === 'asc' ? 'desc' : 'asc';
  return `${field},${direction}`;
}

/** How a column header shows the sort: its aria-sort value and the visible arrow. */
export function sortIndicator(sort, field) {
  const current = parseSort(sort);
  if (current.field !== field) return { ariaSort: 'none', mark: '' };
  return current.direction === 'asc' ? { ariaSort: 'ascending', mark: ' ▲' } : { ariaSort: 'descending', mark: ' ▼' };
}

export const filtersActive = (query) => Boolean(query.q || query.status || query.product);

/** The query string of GET /api/v1/licenses for a state (page 0-based, as the API counts). */
export function licenseListParams(query, pageSize) {
  const { q, status, product, sort, page } = query;
  const params = new URLSearchParams({ sort, page: String(page), size: String(pageSize) });
  if (q) params.set('q', q);
  if (status) params.set('status', status);
  if (product) params.set('product', product);
  return params.toString();
}

// identity-service's login page links here for "Create an account" and "Forgot your password?"
// (its licensecentral.identity.login-page.* properties): the fragment names the flow to open.
const ACCOUNT_FLOW_FRAGMENTS = { '#create-account': 'register', '#reset-password': 'reset' };

/** The account flow a fragment (window.location.hash) asks for on the logged-out screen, or null. */
export function accountFlowFromHash(hash) {
  return Object.hasOwn(ACCOUNT_FLOW_FRAGMENTS, hash) ? ACCOUNT_FLOW_FRAGMENTS[hash] : null;
}
