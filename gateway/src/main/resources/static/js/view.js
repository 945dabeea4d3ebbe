// The state the address bar holds (tab and the license list's query), kept in step with it.
// url-state.js parses and writes it; this module is the one place that touches window.location.

import { parseViewState, serializeViewState } from './url-state.js';

/** The current tab and query; modules change it, then call writeUrl(). */
export const view = parseViewState('');

export function readUrl() {
  Object.assign(view, parseViewState(window.location.search));
}

/** Puts the state into the address bar; `push` makes a history entry (Back returns), else it replaces. */
export function writeUrl({ push = false } = {}) {
  const search = serializeViewState(view);
  const url = window.location.pathname + (search ? `?${search}` : '');
  if (url === window.location.pathname + window.location.search) return;
  window.history[push ? 'pushState' : 'replaceState'](null, '', url);
}
