// License Central customer portal: the entry module. Plain ES modules, no dependencies, no build
// step; index.html loads this one. It reads the URL, wires the screens, checks the session and
// shows the tab the URL names. The screens are licenses.js, activations.js and account.js; pure
// logic (URL state, wording, formatting, checks, problems) is in modules without DOM access, which
// gateway/src/test/js tests with node --test.

import { bindAccount, openAccountFlowFromUrl } from './account.js';
import { bindActivations, loadActivations, renderActivationsAgain } from './activations.js';
import { api, onUnauthorized } from './api.js';
import { bindAttach } from './attach.js';
import { loadCatalog } from './catalog.js';
import { bindDialogs } from './dialogs.js';
import { $, markReady } from './dom.js';
import { bindLicenses, loadLicenses, syncControls } from './licenses.js';
import { ApiError, errorText } from './problems.js';
import { showApp, showLoggedOut, submitLogout } from './session.js';
import { showVerifyBanner } from './verify-banner.js';
import { readUrl, view, writeUrl } from './view.js';

// Tabs (WAI-ARIA tabs pattern: arrows move and select, Home/End jump) ----------------------------

const tabs = () => [...document.querySelectorAll('[role="tab"]')];

function selectTab(name, { push = false, focus = false } = {}) {
  view.tab = name;
  for (const tab of tabs()) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  writeUrl({ push });
  // Each visit reloads: a deactivation changes license status, an attach adds licenses.
  if (name === 'licenses') loadLicenses();
  else loadActivations();
}

function onTabKeydown(event) {
  const all = tabs();
  const index = all.indexOf(document.activeElement);
  if (index < 0) return;
  const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  const tab = all[(target + all.length) % all.length];
  selectTab(tab.dataset.tab, { push: true, focus: true });
}

// Wiring -------------------------------------------------------------------------------------------

function bindEvents() {
  onUnauthorized(showLoggedOut);
  $('logout-form').addEventListener('submit', submitLogout);
  document.querySelector('[role="tablist"]').addEventListener('keydown', onTabKeydown);
  for (const tab of tabs()) tab.addEventListener('click', () => selectTab(tab.dataset.tab, { push: true }));
  bindLicenses();
  bindAttach();
  bindActivations();
  bindAccount();
  bindDialogs();
  window.addEventListener('popstate', () => {
    readUrl();
    syncControls();
    selectTab(view.tab);
  });
}

async function start() {
  readUrl();
  bindEvents();
  syncControls();
  let session;
  try {
    session = await api('/api/v1/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      openAccountFlowFromUrl();
    } else {
      $('boot-message').textContent = errorText(error);
      $('boot-message').classList.add('is-error');
      $('main').dataset.loading = 'false';
      markReady('error');
    }
    return;
  }
  showApp(session);
  // An unverified address sees none of its licenses yet: the banner asks for the code (issue 16).
  showVerifyBanner(session, () => selectTab(view.tab));
  loadCatalog().then((loaded) => {
    if (loaded) renderActivationsAgain();
  });
  selectTab(view.tab);
}

start();
