// What a person types or the server sends, checked or normalized before it is used. Pure.

export const FALLBACK_SUPPORT_EMAIL = 'support@licensecentral.org';
// License keys are five groups of five symbols (command/LicenseKeys.java). Checked loosely
// (any letter or digit) so that a mistyped look-alike such as O for 0 is still sent as a key;
// purchase ids like "DEMO-1001" never have this shape.
export const LICENSE_KEY_SHAPE = /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/;

/** The attach request's body: a license key when the input has the key's shape, otherwise a purchase id. */
export function attachBody(input) {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  return LICENSE_KEY_SHAPE.test(compact) ? { licenseKey: compact } : { purchaseId: input.trim() };
}

/** The search text that finds the licenses an attach request names (by its purchase id or its key). */
export const attachSearch = (body) => body.purchaseId ?? body.licenseKey;

/**
 * Whether the list's answer shows every license the confirm answer named: they are attached after
 * the confirmation (AttachProcess, then the read model), so the list learns of them a moment later.
 */
export function attachArrived(rows, attachedIds) {
  const shown = new Set(rows.map((row) => row.id));
  return attachedIds.every((id) => shown.has(id));
}

/** The hint under the attach field: what the input will be sent as. */
export function attachKindText(input) {
  const value = input.trim();
  if (!value) return 'A license key looks like XXXXX-XXXXX-XXXXX-XXXXX-XXXXX; anything else is taken as a purchase ID.';
  return 'licenseKey' in attachBody(value)
    ? 'This will be sent as a license key.'
    : 'This will be sent as a purchase ID.';
}

/** Codes are mailed in capitals, maybe copied with spaces; identity-service compares them trimmed and uppercased. */
export const compactCode = (value) => value.replace(/\s+/g, '').toUpperCase();

/** Only http(s) URLs become links: a `javascript:` URL from anywhere must never be clickable. */
export function safeHttpUrl(value, base) {
  // new URL('', base) is the base itself: no value must not become a link to this page.
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The catalog's support address if it looks like one (it becomes a mailto: link), else ours. */
export function supportAddress(value) {
  return /^[^\s@<>"]+@[^\s@<>"]+$/.test(value ?? '') ? value : FALLBACK_SUPPORT_EMAIL;
}
