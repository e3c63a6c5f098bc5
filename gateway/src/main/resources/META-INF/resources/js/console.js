// The moderation console: sign in with a moderator JWT (kept in sessionStorage), the blast-radius
// guard, the case queue and a case's page (a graph of the lockstep group, the follower loss per
// receiver, one decision for every held member), the review queue of HELD enforcements, the appeal
// queue, every enforcement with filters and paging, an enforcement's impact (chart and table) and
// audit, and an account's page with its activity by app, its appeals and a merged timeline.
// Charts and graphs are drawn by Apache ECharts, which the gateway serves as a webjar; it is loaded
// the first time a chart is needed.

import {
  ApiError, TokenStore, acceptLanguageFrom, apiFetch, apiFetchPage, browserLanguages, clear, describeError, formatDateTime,
  formatNumber, groupsOf, h, instant, query, seg,
} from './api.js';
import { announce, backToSignIn, checkToken, setUpSignIn, showSession, signedIn } from './session.js';

const store = new TokenStore('integrity-suite.console.token');
const ACCOUNT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CHART_MAX_BARS = 20;
const CASES_PAGE = 50;
const APPEALS_LIMIT = 200;
const NOTE_MAX = 2000;
const GRAPH_MAX_MEMBERS = 80;
const GRAPH_MAX_TARGETS = 60;
const ECHARTS_SRC = '/webjars/echarts/5.3.1/dist/echarts.min.js';
const COLORS = { member: '#1f4f8a', target: '#a85a00', before: '#6f8db5', after: '#1f4f8a', edge: '#8a94a3', text: '#1d2430' };
const locale = browserLanguages()[0];

const STATUS_LABELS = { PROPOSED: 'Proposed', APPLIED: 'Applied', HELD: 'Held', REJECTED: 'Rejected', REVERTED: 'Reverted' };
const ACTION_LABELS = { REMOVE_AND_WARN: 'Remove and warn', BLOCK: 'Block' };
const KIND_LABELS = {
  INAUTHENTIC_ACTIVITY_WARNING: 'Warning',
  FINAL_WARNING: 'Final warning',
  ACCOUNT_BLOCKED: 'Account blocked',
  ENFORCEMENT_REVERSED: 'Enforcement reversed',
  APPEAL_DENIED: 'Appeal denied',
};
const CASE_KIND_LABELS = { LOCKSTEP_GROUP: 'Lockstep group', PROTECTED_RECEIVER: 'Protected receiver', SINGLE: 'Single enforcement' };
const DONE = { approve: 'approved', reject: 'rejected', revert: 'reverted' };
/** The steps that cannot be taken back ask first; approving can be (by a revert), so it does not. */
const CONFIRM = {
  reject: (e) => ({
    title: 'Reject this enforcement?',
    text: `Rejecting enforcement ${e.id} of ${e.accountId} is final: it will never be applied, and it cannot be approved later.`,
    confirmLabel: 'Reject enforcement',
  }),
  revert: (e) => ({
    title: 'Revert this enforcement?',
    text: `Reverting enforcement ${e.id} of ${e.accountId} restores every follow, like and comment it removed, takes back its strike and tells the account. It cannot be applied again afterwards.`,
    confirmLabel: 'Revert enforcement',
  }),
};

let token = null;
let currentAccount = null;
let currentImpact = null;
let currentCaseId = null;
let currentAuditId = null;
let caseGeneration = 0;
let caseDraft = null; // { caseId, decision, note }: what was typed in a case's decide form, kept across reloads
const knownEnforcements = new Map(); // id -> the enforcement as a list showed it
const enforcementAccounts = new Map(); // id -> account id, where only that is known (appeals)
const queueState = { items: [], next: null, generation: 0 };
const enforcementsState = { items: [], next: null, generation: 0, filters: null };
const casesState = { items: [], next: null, generation: 0, filters: null };
const appealsState = { generation: 0, items: [], next: null, status: 'OPEN' };

const $ = (selector) => document.querySelector(selector);

// ---------------------------------------------------------------------------------------------
// Status messages and errors

/** Calls the API as the signed-in moderator; a 401 signs out and asks to sign in again. */
const asModerator = (fetcher) => signedIn(fetcher, {
  token: () => token,
  unauthorized: () => signOut('The gateway did not accept your token (it may have expired). Please sign in again.'),
});
const call = asModerator(apiFetch);
/** Like call, for lists that page with a Link header: resolves with { body, next }. */
const callPage = asModerator(apiFetchPage);

function describe(error) {
  if (error instanceof ApiError && error.status === 403) {
    return `${error.detail} (your token's role may not allow this).`;
  }
  return describeError(error);
}

function errorNote(prefix, error) {
  return h('p', { className: 'error-note', dataset: { testid: 'section-error' } }, `${prefix}: ${describe(error)}`);
}

/** A failure to load: a 404 is an answer (nothing by that id), said by the `unknown` note; else an error note. */
function failureNote(error, prefix, unknownTestid, unknown) {
  return error instanceof ApiError && error.status === 404
    ? h('p', { className: 'empty', dataset: { testid: unknownTestid } }, unknown)
    : errorNote(prefix, error);
}

function isSignedOutError(error) {
  return error instanceof ApiError && error.status === 401;
}

// ---------------------------------------------------------------------------------------------
// Sign in and out

function startSession(candidate, payload) {
  token = candidate;
  showSession(payload.sub || payload.upn || '(no subject)', [$('#section-nav')]);
  $('#session-roles').textContent = groupsOf(payload).join(', ') || '(none)';
  loadEverything();
}

function signOut(message) {
  token = null;
  store.clear();
  currentAccount = null;
  currentImpact = null;
  currentCaseId = null;
  currentAuditId = null;
  caseDraft = null;
  knownEnforcements.clear();
  enforcementAccounts.clear();
  for (const name of ['case', 'audit', 'impact']) {
    hidePanel(name);
  }
  backToSignIn(message, [$('#section-nav')]);
}

function validateToken(raw) {
  return checkToken(raw, 'moderator', {
    empty: 'Paste a token first.',
    expired: 'This token has expired. Print a fresh one and paste it here.',
    wrongRole: (groups) => `This token's role is ${groups.join(', ') || 'missing'}; the console needs a moderator token.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Small renderers

function statusBadge(status, testid) {
  const code = status || 'UNKNOWN';
  return h('span', { className: `badge badge-${code.toLowerCase()}`, dataset: { testid, status: code } }, code);
}

function time(iso) {
  if (!iso) {
    return h('span', { className: 'muted' }, '–');
  }
  return h('time', { dateTime: iso, title: iso }, formatDateTime(iso, locale));
}

/** A link to a hash route that also works when the route is the current one (no hashchange then). */
function hashLink(href, { onFollow, ...props }, ...children) {
  const link = h('a', { ...props, href }, ...children);
  link.addEventListener('click', (event) => {
    if (onFollow) {
      onFollow();
    }
    if (window.location.hash === href) {
      event.preventDefault();
      routeFromHash();
    }
  });
  return link;
}

function accountLink(accountId) {
  return hashLink(`#account/${encodeURIComponent(accountId)}`, { className: 'account-link', dataset: { testid: 'account-link', accountId } }, accountId);
}

function enforcementLink(enforcementId, accountId) {
  return hashLink(`#enforcement/${encodeURIComponent(enforcementId)}`, {
    className: 'enforcement-link',
    dataset: { testid: 'enforcement-link', enforcementId },
    attrs: { 'aria-label': `Enforcement ${enforcementId}: status and audit` },
    onFollow: () => {
      if (accountId) {
        enforcementAccounts.set(enforcementId, accountId);
      }
    },
  }, h('code', {}, enforcementId));
}

function caseKindBadge(kind, testid = 'case-kind') {
  const code = kind || 'UNKNOWN';
  return h('span', { className: `badge badge-case-${code.toLowerCase().replace(/_/g, '-')}`, dataset: { testid, kind: code } }, CASE_KIND_LABELS[code] || code);
}

function plural(n, one, many) {
  return `${formatNumber(n, locale)} ${n === 1 ? one : many}`;
}

/** An id usable in an element id, made from a server id. */
function domId(prefix, id) {
  return `${prefix}-${String(id)}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

function remember(enforcements) {
  for (const e of enforcements || []) {
    if (e && e.id) {
      knownEnforcements.set(e.id, e);
    }
  }
}

function moreButtonState(buttonId, next) {
  const more = $(buttonId);
  more.hidden = !next;
  more.disabled = false;
}

/** The live count next to a nav link: "(12)", "(200+)" when more pages remain, nothing for none. */
function navCount(selector, n, more) {
  $(selector).textContent = n || more ? `(${formatNumber(n, locale)}${more ? '+' : ''})` : '';
}

/** A note field with a live character count (1..NOTE_MAX), for the audit. */
function noteField({ id, testid, label, hint, value = '', onInput }) {
  const countId = `${id}-count`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const count = h('p', { id: countId, className: 'char-count small muted', attrs: { 'aria-live': 'off' } });
  const area = h('textarea', {
    id, className: 'note-input', rows: 3, maxLength: NOTE_MAX, required: true, value,
    attrs: { 'aria-describedby': `${hintId} ${countId} ${errorId}` },
    dataset: { testid },
  });
  const showCount = () => {
    count.textContent = `${formatNumber(area.value.length, locale)} of ${formatNumber(NOTE_MAX, locale)} characters`;
  };
  area.addEventListener('input', () => {
    showCount();
    area.removeAttribute('aria-invalid');
    if (onInput) {
      onInput(area.value);
    }
  });
  showCount();
  return {
    area,
    errorId,
    nodes: [h('label', { htmlFor: id }, label), h('p', { id: hintId, className: 'hint small' }, hint), area, count],
  };
}

/** Checks a note: trimmed, 1..NOTE_MAX characters. Returns the text, or null after showing why not. */
function checkedNote(area, errorEl) {
  const text = area.value.trim();
  let problem = null;
  if (!text) {
    problem = 'Write a note: it goes into the audit.';
  } else if (text.length > NOTE_MAX) {
    problem = `The note is ${formatNumber(text.length, locale)} characters long; at most ${formatNumber(NOTE_MAX, locale)} are kept.`;
  }
  if (problem) {
    errorEl.textContent = problem;
    area.setAttribute('aria-invalid', 'true');
    area.focus();
    return null;
  }
  area.removeAttribute('aria-invalid');
  return text;
}

function radio(name, value, label, testid, checked) {
  const id = domId(name, value);
  return h('div', { className: 'choice' },
    h('input', { type: 'radio', id, name, value, checked: Boolean(checked), dataset: { testid } }),
    h('label', { htmlFor: id }, label));
}

/**
 * A decide form: radios for the decision, a required note and a Decide… button. On submit the choice
 * and the note are checked, and the moderator confirms (confirmation(decision) words the question;
 * cancelling announces `unchanged`); then decide(decision, note, error, form) sends it, the button
 * disabled meanwhile. onChange(event, error) sees every change in the form.
 */
function decideForm({ props, intro = [], name, choices, missing, note, testids, confirmation, unchanged, decide,
  onChange = (event, error) => { error.textContent = ''; } }) {
  const field = noteField(note);
  const error = h('p', { id: field.errorId, className: 'field-error', dataset: { testid: testids.error } });
  const submit = h('button', { type: 'submit', className: 'button button-primary', dataset: { testid: testids.submit } }, 'Decide…');
  const form = h('form', { className: 'decide-form', noValidate: true, ...props },
    intro,
    h('fieldset', { className: 'choices' },
      h('legend', {}, 'Decision'),
      choices.map(([value, label, testid, checked]) => radio(name, value, label, testid, checked))),
    field.nodes,
    error,
    h('div', { className: 'button-row' }, submit));
  form.addEventListener('change', (event) => onChange(event, error));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = form.querySelector(`input[name="${name}"]:checked`);
    if (!chosen) {
      error.textContent = missing;
      form.querySelector(`input[name="${name}"]`).focus();
      return;
    }
    const text = checkedNote(field.area, error);
    if (text === null) {
      return;
    }
    if (!(await confirmStep(confirmation(chosen.value)))) {
      announce(unchanged);
      return;
    }
    submit.disabled = true;
    try {
      await decide(chosen.value, text, error, form);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function removedText(removed) {
  const r = removed || {};
  return `${formatNumber(r.follows || 0, locale)} follows, ${formatNumber(r.likes || 0, locale)} likes, ${formatNumber(r.comments || 0, locale)} comments`;
}

function reasonsList(reasons) {
  if (!reasons || reasons.length === 0) {
    return h('span', { className: 'muted' }, 'No reasons given');
  }
  return h('ul', { className: 'reasons', dataset: { testid: 'reasons' } }, reasons.map((r) => h('li', {}, r)));
}

/** An enforcement's action and strike, e.g. "Remove and warn, strike 2". */
function actionText(e) {
  return `${ACTION_LABELS[e.action] || e.action}${e.strike ? `, strike ${e.strike}` : ''}`;
}

function appsText(apps) {
  return apps && apps.length ? apps.join(', ') : '–';
}

function button(label, { variant = 'secondary', testid, ariaLabel, onClick }) {
  return h('button', {
    type: 'button',
    className: `button button-${variant}`,
    dataset: { testid },
    attrs: { 'aria-label': ariaLabel },
    on: { click: onClick },
  }, label);
}

function tableOf(caption, headers, rows, testid) {
  return h('div', { className: 'table-scroll', attrs: { role: 'region', 'aria-label': caption, tabindex: '0' } },
    h('table', { dataset: { testid } },
      h('caption', { className: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, headers.map((label) => h('th', { attrs: { scope: 'col' } }, label)))),
      h('tbody', {}, rows)));
}

// ---------------------------------------------------------------------------------------------
// Confirmation before irreversible steps

/**
 * Asks in a modal dialog; resolves true only when the moderator confirms. Cancel is focused first,
 * so Enter alone never confirms; Escape cancels. Focus returns to what had it.
 */
function confirmStep({ title, text, confirmLabel, variant = 'danger' }) {
  const dialog = $('#confirm-dialog');
  if (dialog.open) {
    return Promise.resolve(false);
  }
  const returnFocus = document.activeElement;
  $('#confirm-title').textContent = title;
  $('#confirm-text').textContent = text;
  const accept = $('#confirm-accept');
  accept.textContent = confirmLabel;
  accept.className = `button button-${variant}`;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'confirm');
      if (returnFocus && returnFocus.isConnected && typeof returnFocus.focus === 'function') {
        returnFocus.focus();
      }
    }, { once: true });
    dialog.showModal();
    $('#confirm-cancel').focus();
  });
}

// ---------------------------------------------------------------------------------------------
// Charts (Apache ECharts, served by the gateway as a webjar)

let echartsLoading = null;
const liveCharts = new Set();

function loadECharts() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ECHARTS_SRC;
      script.async = true;
      script.addEventListener('load', () => (window.echarts
        ? resolve(window.echarts)
        : reject(new Error(`${ECHARTS_SRC} loaded but defined no chart library.`))));
      script.addEventListener('error', () => {
        script.remove();
        reject(new Error(`The chart library could not be loaded from ${ECHARTS_SRC}.`));
      });
      document.head.append(script);
    }).catch((error) => {
      echartsLoading = null; // try again next time
      throw error;
    });
  }
  return echartsLoading;
}

function reducedMotion() {
  return Boolean(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

/**
 * A chart container: role img with a text alternative (the caption and, where there is one, the
 * table next to it carry the same numbers). data-rendered turns "true" once ECharts has drawn it.
 */
function chartBox(testid, label, describedBy, extraClass = '') {
  return h('div', {
    className: `echart ${extraClass}`.trim(),
    dataset: { testid, rendered: 'false' },
    attrs: { role: 'img', 'aria-label': label, 'aria-describedby': describedBy },
  });
}

/** Draws optionOf(echarts) into the container once the library is there; a note replaces it if it cannot be. */
async function mountChart(container, optionOf) {
  let echarts;
  try {
    echarts = await loadECharts();
  } catch (error) {
    if (container.isConnected) {
      container.replaceWith(h('p', { className: 'error-note', dataset: { testid: 'chart-unavailable' } },
        `The chart cannot be drawn: ${error.message} The numbers are in the text next to it.`));
    }
    return null;
  }
  if (!container.isConnected) {
    return null; // the page moved on while the library loaded
  }
  const old = echarts.getInstanceByDom(container);
  if (old) {
    liveCharts.delete(old);
    old.dispose();
  }
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  chart.on('finished', () => {
    container.dataset.rendered = 'true';
  });
  chart.setOption(optionOf(echarts), { notMerge: true });
  liveCharts.add(chart);
  return chart;
}

/** Disposes the charts inside root (before it is cleared or hidden). */
function disposeCharts(root) {
  const echarts = window.echarts;
  if (!echarts || !root) {
    return;
  }
  for (const el of root.querySelectorAll('.echart')) {
    const chart = echarts.getInstanceByDom(el);
    if (chart) {
      liveCharts.delete(chart);
      chart.dispose();
    }
  }
}

/** Empties a body (disposing its charts) to say Loading… while it is busy. */
function showLoading(body) {
  disposeCharts(body);
  clear(body).append(h('p', { className: 'muted' }, 'Loading…'));
  body.setAttribute('aria-busy', 'true');
  return body;
}

/**
 * Opens one of the panels (#impact, #case, #audit: a section with a -heading and a -body): shown,
 * titled, data set on the section, and Loading… in its body; with focus, scrolled to and its heading
 * focused. Gives the body.
 */
function openPanel(name, title, data, { focus = true } = {}) {
  const section = $(`#${name}`);
  section.hidden = false;
  Object.assign(section.dataset, data);
  $(`#${name}-heading`).textContent = title;
  const body = showLoading($(`#${name}-body`));
  if (focus) {
    section.scrollIntoView({ block: 'start' });
    $(`#${name}-heading`).focus();
  }
  return body;
}

/** Hides a panel, disposing its charts; the address leaves the panel's hash route (e.g. '#case/') if it is on it. */
function hidePanel(name, route = null) {
  const section = $(`#${name}`);
  disposeCharts(section);
  section.hidden = true;
  if (route && window.location.hash.startsWith(route)) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

let resizeTimer = null;
function onWindowResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const chart of liveCharts) {
      if (chart.isDisposed()) {
        liveCharts.delete(chart);
      } else {
        chart.resize();
      }
    }
  }, 150);
}

/** Shortens a long account id for an axis label; the tooltip and the tables show it whole. */
function shortId(id, max = 22) {
  const text = String(id);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Lists that load more pages

/**
 * A list shown from its first page, with a "More" button that appends the next one. state holds
 * { items, next, generation }; first(...args) and next(cursor) fetch a page as { items, next } and
 * whatever else the state should keep. The answer of a load that a newer one overtook (other filters)
 * is dropped. keep(items) sees every item shown; moreNote(count, next) announces an added page.
 */
function pagedList({ state, body, more, first, next, keep = () => {}, render, loadError, moreError, moreNote, afterMore = () => {} }) {
  async function load(...args) {
    const el = $(body);
    const generation = ++state.generation;
    el.setAttribute('aria-busy', 'true');
    try {
      const page = await first(...args);
      if (generation !== state.generation) {
        return;
      }
      Object.assign(state, page);
      keep(state.items);
      render();
    } catch (error) {
      if (!isSignedOutError(error) && generation === state.generation) {
        clear(el).append(errorNote(loadError, error));
        $(more).hidden = true;
      }
    } finally {
      el.removeAttribute('aria-busy');
    }
  }

  async function loadMore() {
    const button = $(more);
    const generation = state.generation;
    if (!state.next) {
      return;
    }
    button.disabled = true;
    try {
      const page = await next(state.next);
      if (generation !== state.generation) {
        return;
      }
      const seen = new Set(state.items.map((item) => item.id));
      const added = page.items.filter((item) => !seen.has(item.id));
      state.items.push(...added);
      state.next = page.next;
      keep(added);
      render();
      announce(moreNote(added.length, state.next));
      afterMore(added);
    } catch (error) {
      if (!isSignedOutError(error)) {
        announce(`${moreError}: ${describe(error)}`, 'error');
      }
    } finally {
      button.disabled = false;
    }
  }

  return { load, more: loadMore };
}

/** A page of a list that pages with a Link header, as pagedList takes it. */
async function linkedPage(path) {
  const page = await callPage(path);
  return { items: page.body || [], next: page.next };
}

// ---------------------------------------------------------------------------------------------
// Guard

async function loadGuard() {
  const body = $('#guard-body');
  const resume = $('#guard-resume');
  body.setAttribute('aria-busy', 'true');
  try {
    const guard = await call('/guard');
    clear(body);
    const open = guard && guard.state === 'OPEN';
    body.dataset.state = open ? 'OPEN' : 'CLOSED';
    if (open) {
      body.append(
        h('p', { className: 'guard-state guard-open', dataset: { testid: 'guard-state' } },
          h('strong', {}, 'Open'), ' — every new enforcement waits here for review.'),
        h('p', { dataset: { testid: 'guard-reason' } }, h('span', { className: 'label' }, 'Why: '), guard.reason || 'no reason recorded'),
        guard.openedAt ? h('p', {}, h('span', { className: 'label' }, 'Opened: '), time(guard.openedAt)) : null);
    } else {
      body.append(h('p', { className: 'guard-state guard-closed', dataset: { testid: 'guard-state' } },
        h('strong', {}, 'Closed'), ' — enforcements within the bounds are applied automatically.'));
    }
    resume.hidden = !open;
  } catch (error) {
    if (isSignedOutError(error)) {
      return;
    }
    clear(body).append(errorNote('Could not read the guard', error));
    resume.hidden = true;
  } finally {
    body.removeAttribute('aria-busy');
  }
}

async function resumeGuard() {
  const resume = $('#guard-resume');
  resume.disabled = true;
  try {
    const state = await call('/guard/resume', { method: 'POST' });
    announce(`The guard is ${state && state.state === 'OPEN' ? 'still open' : 'closed again'}: automatic enforcement resumed.`, 'success');
    await loadGuard();
    $('#guard-heading').focus();
  } catch (error) {
    if (!isSignedOutError(error)) {
      announce(`Could not resume the guard: ${describe(error)}`, 'error');
    }
  } finally {
    resume.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Review queue

const queueList = pagedList({
  state: queueState,
  body: '#queue-body',
  more: '#queue-more',
  first: () => linkedPage(`/enforcements${query({ status: 'HELD' })}`),
  next: linkedPage,
  keep: remember,
  render: renderQueue,
  loadError: 'Could not load the review queue',
  moreError: 'Could not load more of the review queue',
  moreNote: (n) => `${plural(n, 'more held enforcement', 'more held enforcements')} shown.`,
});
const loadQueue = () => queueList.load();

function renderQueue() {
  const body = clear($('#queue-body'));
  const held = queueState.items;
  navCount('#queue-count-nav', held.length, Boolean(queueState.next));
  moreButtonState('#queue-more', queueState.next);
  if (held.length === 0) {
    body.append(h('p', { className: 'empty', dataset: { testid: 'queue-empty' } }, 'Nothing is waiting for review.'));
    return;
  }
  const rows = held.map((e) => h('tr', { dataset: { testid: 'queue-row', enforcementId: e.id, accountId: e.accountId } },
    h('th', { attrs: { scope: 'row' } }, accountLink(e.accountId)),
    h('td', {},
      h('div', {}, ACTION_LABELS[e.action] || e.action, e.strike ? ` · strike ${e.strike}` : ''),
      h('div', { className: 'muted small' }, h('code', {}, e.id)),
      h('div', { className: 'muted small' }, time(e.createdAt))),
    h('td', { dataset: { testid: 'held-reason' } }, e.heldReason || h('span', { className: 'muted' }, 'No reason recorded')),
    h('td', {}, reasonsList(e.reasons),
      e.apps && e.apps.length ? h('div', { className: 'small' }, h('span', { className: 'label' }, 'Apps: '), appsText(e.apps)) : null),
    h('td', { dataset: { testid: 'status-cell' } }, statusBadge(e.status, 'status-badge')),
    h('td', { className: 'actions' },
      impactButton(e),
      decideButtons(e),
      auditButton(e))));
  body.append(tableOf('Enforcements held for review', ['Account', 'Enforcement', 'Held because', 'Reasons', 'Status', 'Actions'], rows, 'queue-table'));
}

function impactButton(e) {
  return button('Impact', { testid: 'impact-button', ariaLabel: `Impact of enforcement ${e.id}`, onClick: () => showImpact(e) });
}

/** Approve and Reject, for a HELD (or PROPOSED) enforcement. */
function decideButtons(e) {
  return [
    button('Approve', { variant: 'approve', testid: 'approve-button', ariaLabel: `Approve enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'approve', ev.currentTarget) }),
    button('Reject', { variant: 'danger', testid: 'reject-button', ariaLabel: `Reject enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'reject', ev.currentTarget) }),
  ];
}

function auditButton(e) {
  return button('Audit', { testid: 'audit-button', ariaLabel: `Audit of enforcement ${e.id}`, onClick: () => showAudit(e.id, { enforcement: e }) });
}

/** Approve, reject or revert (the last two after a confirmation); then refresh what shows it and announce the outcome. */
async function decide(enforcement, verb, trigger) {
  if (CONFIRM[verb]) {
    const confirmed = await confirmStep(CONFIRM[verb](enforcement));
    if (!confirmed) {
      announce(`Nothing changed: enforcement ${enforcement.id} was not ${DONE[verb]}.`);
      return;
    }
  }
  const row = trigger && trigger.closest('tr');
  const buttons = row ? Array.from(row.querySelectorAll('button')) : [];
  buttons.forEach((b) => { b.disabled = true; });
  let message;
  let tone = 'success';
  try {
    const updated = await call(`/enforcements/${seg(enforcement.id)}/${verb}`, { method: 'POST' });
    const status = updated && updated.status ? updated.status : '';
    message = `Enforcement ${enforcement.id} of ${enforcement.accountId} ${DONE[verb]}${status ? `: now ${status}` : ''}.`;
  } catch (error) {
    if (isSignedOutError(error)) {
      return;
    }
    tone = 'error';
    // 409: the enforcement moved on meanwhile (illegal transition); the detail says from where.
    message = `Could not ${verb} enforcement ${enforcement.id}: ${describe(error)}`;
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
  await refreshAfter({ lists: [loadGuard, loadQueue, loadEnforcements, loadCases], accountId: enforcement.accountId, enforcementId: enforcement.id, impact: true });
  announce(message, tone);
}

/**
 * After a decision: reloads the lists, and whatever else shows what it changed: the account's page,
 * the enforcement's audit and (with impact) its impact panel, when they are open on them.
 */
async function refreshAfter({ lists, accountId = null, enforcementId = null, impact = false }) {
  const work = lists.map((load) => load());
  if (impact && currentImpact && currentImpact.id === enforcementId) {
    work.push(reloadImpactHeader(enforcementId));
  }
  if (enforcementId !== null && currentAuditId === enforcementId) {
    work.push(showAudit(enforcementId, { focus: false }));
  }
  if (currentAccount && currentAccount === accountId) {
    work.push(loadAccount(currentAccount, { focus: false }));
  }
  await Promise.allSettled(work);
}

// ---------------------------------------------------------------------------------------------
// Enforcements list

function readFilters() {
  return { status: $('#filter-status').value, accountId: $('#filter-account').value.trim(), limit: $('#filter-limit').value };
}

/** The next page comes from the Link header's rel="next": appended below, the filters unchanged. */
const enforcementsList = pagedList({
  state: enforcementsState,
  body: '#enforcements-body',
  more: '#enforcements-more',
  first: async (filters) => ({ ...(await linkedPage(`/enforcements${query(filters)}`)), filters }),
  next: linkedPage,
  keep: remember,
  render: renderEnforcements,
  loadError: 'Could not load enforcements',
  moreError: 'Could not load more enforcements',
  moreNote: (n, next) => `${plural(n, 'more enforcement', 'more enforcements')} shown${next ? '; there are more' : ''}.`,
  afterMore: (added) => {
    const row = added.length ? document.querySelector(`[data-testid="enforcement-row"][data-enforcement-id="${CSS.escape(added[0].id)}"] a`) : null;
    if (row) {
      row.focus();
    }
  },
});

function loadEnforcements() {
  const filters = readFilters();
  if (filters.accountId && !ACCOUNT_ID.test(filters.accountId)) {
    enforcementsState.generation += 1; // an answer still on its way is for other filters
    clear($('#enforcements-body')).append(h('p', { className: 'error-note' }, 'An account id is 1 to 64 letters, digits, dots, underscores or hyphens.'));
    $('#filter-account').setAttribute('aria-invalid', 'true');
    $('#enforcements-more').hidden = true;
    return Promise.resolve();
  }
  $('#filter-account').removeAttribute('aria-invalid');
  return enforcementsList.load(filters);
}

function renderEnforcements() {
  const body = clear($('#enforcements-body'));
  const list = enforcementsState.items;
  const filters = enforcementsState.filters || readFilters();
  moreButtonState('#enforcements-more', enforcementsState.next);
  const what = [filters.status ? STATUS_LABELS[filters.status].toLowerCase() : null, filters.accountId ? `of ${filters.accountId}` : null].filter(Boolean).join(' ');
  body.append(h('p', { className: 'muted small', dataset: { testid: 'enforcements-summary' } },
    `${list.length} ${list.length === 1 ? 'enforcement' : 'enforcements'}${what ? ` (${what})` : ''}${enforcementsState.next ? ' shown, more on the next page' : ''}, newest first.`));
  if (list.length === 0) {
    return;
  }
  const rows = list.map((e) => h('tr', { dataset: { testid: 'enforcement-row', enforcementId: e.id, accountId: e.accountId, status: e.status } },
    h('th', { attrs: { scope: 'row' } }, accountLink(e.accountId)),
    h('td', {}, time(e.createdAt), h('div', { className: 'muted small' }, h('code', {}, e.id))),
    h('td', {}, ACTION_LABELS[e.action] || e.action, e.strike ? h('div', { className: 'muted small' }, `strike ${e.strike}`) : null),
    h('td', { dataset: { testid: 'enforcement-status' } }, statusBadge(e.status, 'status-badge'),
      e.status === 'HELD' && e.heldReason ? h('div', { className: 'small' }, e.heldReason) : null),
    h('td', { className: 'small' }, removedText(e.removed)),
    h('td', { className: 'small' }, e.decidedBy || h('span', { className: 'muted' }, '–')),
    h('td', { className: 'actions' },
      impactButton(e),
      e.status === 'HELD' || e.status === 'PROPOSED' ? decideButtons(e) : null,
      e.status === 'APPLIED'
        ? button('Revert', { variant: 'danger', testid: 'revert-button', ariaLabel: `Revert enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'revert', ev.currentTarget) })
        : null,
      auditButton(e))));
  body.append(tableOf('Enforcements', ['Account', 'Created', 'Action', 'Status', 'Removed', 'Decided by', 'Actions'], rows, 'enforcements-table'));
}

// ---------------------------------------------------------------------------------------------
// Impact: table and chart

function lossShare(r) {
  return r.followersBefore > 0 ? (r.followersBefore - r.followersAfter) / r.followersBefore : 0;
}

function percent(share) {
  return `${Math.round(share * 1000) / 10}%`;
}

async function reloadImpactHeader(id) {
  try {
    const list = await call(`/enforcements${query({ accountId: currentImpact.accountId })}`) || [];
    const found = list.find((e) => e.id === id);
    if (found) {
      currentImpact = found;
      const status = document.querySelector('[data-testid="impact-status"]');
      if (status) {
        clear(status).append(statusBadge(found.status, 'status-badge'));
      }
    }
  } catch {
    // the impact panel keeps the status it had
  }
}

async function showImpact(enforcement) {
  currentImpact = enforcement;
  const body = openPanel('impact', `Impact of ${enforcement.id}`, { enforcementId: enforcement.id });
  try {
    const receivers = await call(`/enforcements/${seg(enforcement.id)}/impact`) || [];
    if (currentImpact !== enforcement) {
      return; // another impact was opened meanwhile
    }
    disposeCharts(body);
    clear(body);
    body.append(h('dl', { className: 'facts' },
      fact('Account', accountLink(enforcement.accountId)),
      fact('Action', actionText(enforcement)),
      fact('Status', h('span', { dataset: { testid: 'impact-status' } }, statusBadge(enforcement.status, 'status-badge'))),
      enforcement.heldReason ? fact('Held because', enforcement.heldReason) : null,
      fact('Removes', removedText(enforcement.removed)),
      fact('Receiving accounts', formatNumber(receivers.length, locale))),
    h('p', {}, auditButton(enforcement)));
    if (receivers.length === 0) {
      body.append(h('p', { className: 'empty', dataset: { testid: 'impact-empty' } }, 'No receiving account is affected (or the ledger has not reported the impact yet).'));
      return;
    }
    const sorted = receivers.slice().sort((a, b) => lossShare(b) - lossShare(a)
      || (b.followersBefore - b.followersAfter) - (a.followersBefore - a.followersAfter)
      || String(a.accountId).localeCompare(String(b.accountId), undefined, { numeric: true }));
    const chart = impactChart(enforcement, sorted);
    body.append(chart.node);
    body.append(h('h3', { id: 'impact-table-heading' }, 'Per receiving account'));
    // The same numbers as the chart, for every receiver; data-in-chart marks the rows the chart draws.
    const rows = sorted.map((r, i) => h('tr', { dataset: { testid: 'impact-row', accountId: r.accountId, inChart: String(i < chart.bars) } },
      h('th', { attrs: { scope: 'row' } }, accountLink(r.accountId)),
      h('td', { className: 'num', dataset: { testid: 'impact-followers-before' } }, formatNumber(r.followersBefore, locale)),
      h('td', { className: 'num', dataset: { testid: 'impact-followers-after' } }, formatNumber(r.followersAfter, locale)),
      h('td', { className: 'num', dataset: { testid: 'impact-follower-change' } },
        `−${formatNumber(r.followersBefore - r.followersAfter, locale)} (${percent(lossShare(r))})`),
      h('td', { className: 'num', dataset: { testid: 'impact-likes-removed' } }, formatNumber(r.likesRemoved, locale)),
      h('td', { className: 'num', dataset: { testid: 'impact-comments-removed' } }, formatNumber(r.commentsRemoved, locale))));
    body.append(tableOf(`Impact of ${enforcement.id} per receiving account`,
      ['Receiving account', 'Followers before', 'Followers after', 'Follower change', 'Likes removed', 'Comments removed'], rows, 'impact-table'));
    chart.mount();
  } catch (error) {
    if (!isSignedOutError(error)) {
      clear(body).append(errorNote('Could not load the impact', error));
    }
  } finally {
    body.removeAttribute('aria-busy');
  }
}

function fact(term, value) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}

/** An enforcement's impact as a chart: followers before and after, for the most affected receivers. */
function impactChart(enforcement, sorted) {
  const shown = sorted.slice(0, CHART_MAX_BARS);
  const captionId = 'impact-chart-caption';
  const summary = `Followers before and after enforcement ${enforcement.id}, for the `
    + `${shown.length === sorted.length ? `${shown.length}` : `${shown.length} of ${sorted.length}`} receiving accounts that lose the largest share of their followers. `
    + shown.slice(0, 5).map((r) => `${r.accountId}: ${formatNumber(r.followersBefore, locale)} before, ${formatNumber(r.followersAfter, locale)} after`).join('; ')
    + (sorted.length > 5 ? '; the table below lists every account.' : '; the table below has the same numbers.');
  const box = chartBox('impact-chart', `Followers before and after enforcement ${enforcement.id}, per receiving account`, captionId);
  const node = h('figure', { className: 'chart-figure' }, box,
    h('figcaption', { id: captionId, className: 'small muted', dataset: { testid: 'impact-chart-caption' } }, summary));
  return { node, bars: shown.length, mount: followerBars(box, shown, summary) };
}

/**
 * Followers before and after per receiving account, as horizontal bars in the given chart box (an
 * enforcement's impact, a case's follower loss). Returns the function that draws it once the box is
 * in the page.
 */
function followerBars(box, shown, summary) {
  box.style.height = `${Math.max(180, 70 + shown.length * 30)}px`;
  return () => mountChart(box, () => ({
    aria: { enabled: true, label: { description: summary } },
    animation: !reducedMotion(),
    color: [COLORS.before, COLORS.after],
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: COLORS.text } },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.accountId), axisLabel: { color: COLORS.text, formatter: (v) => shortId(v) } },
    series: [
      { type: 'bar', name: 'Followers before', data: shown.map((r) => r.followersBefore), barGap: '10%', barMaxWidth: 14 },
      { type: 'bar', name: 'Followers after', data: shown.map((r) => r.followersAfter), barMaxWidth: 14 },
    ],
  }));
}

// ---------------------------------------------------------------------------------------------
// Account page

async function loadAccount(accountId, { focus = true } = {}) {
  const body = $('#account-body');
  const input = $('#account-id');
  if (!ACCOUNT_ID.test(accountId)) {
    input.setAttribute('aria-invalid', 'true');
    clear(body).append(h('p', { className: 'error-note' }, 'An account id is 1 to 64 letters, digits, dots, underscores or hyphens.'));
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  input.value = accountId;
  currentAccount = accountId;
  if (focus) {
    $('#account').scrollIntoView({ block: 'start' });
    $('#account-heading').focus();
  }
  showLoading(body);
  const [account, enforcements, messages, appeals] = await Promise.allSettled([
    call(`/accounts/${seg(accountId)}`),
    call(`/enforcements${query({ accountId })}`),
    call(`/accounts/${seg(accountId)}/notifications${query({ page: 0, size: 50 })}`,
      { headers: { 'Accept-Language': acceptLanguageFrom(browserLanguages()) } }),
    call(`/accounts/${seg(accountId)}/appeals`),
  ]);
  body.removeAttribute('aria-busy');
  if (currentAccount !== accountId) {
    return;
  }
  if ([account, enforcements, messages, appeals].some((r) => r.status === 'rejected' && isSignedOutError(r.reason))) {
    return;
  }
  disposeCharts(body);
  clear(body);
  body.dataset.accountId = accountId;
  if (enforcements.status === 'fulfilled') {
    remember(enforcements.value);
  }
  if (account.status === 'rejected') {
    const e = account.reason;
    body.append(failureNote(e, 'Could not load the account', 'account-unknown', `No account “${accountId}” is known to the suite.`));
  } else {
    body.append(accountDetails(account.value));
  }
  const activity = h('div', { id: 'activity-body', dataset: { testid: 'account-activity' } });
  body.append(
    h('div', { className: 'subsection-head' },
      h('h3', { id: 'activity-heading' }, 'Activity by app'),
      h('div', { className: 'field inline-field' },
        h('label', { htmlFor: 'activity-hours' }, 'Up to its newest activity:'),
        h('select', {
          id: 'activity-hours',
          dataset: { testid: 'activity-hours' },
          on: { change: (event) => loadActivity(accountId, Number(event.target.value)) },
        },
        h('option', { value: '24' }, '24 hours'),
        h('option', { value: '72' }, '3 days'),
        h('option', { value: '168', attrs: { selected: true } }, '7 days'),
        h('option', { value: '720' }, '30 days')))),
    activity,
    h('h3', {}, 'Appeals'),
    accountAppeals(appeals),
    h('h3', {}, 'Timeline'),
    timeline(enforcements, messages));
  loadActivity(accountId, 168);
}

/** The account's follows, likes and comments per hour, one stacked series per app. */
async function loadActivity(accountId, hours) {
  const box = document.getElementById('activity-body');
  if (!box) {
    return;
  }
  showLoading(box);
  try {
    const answer = await call(`/accounts/${seg(accountId)}/activity${query({ hours })}`) || {};
    if (currentAccount !== accountId || !box.isConnected) {
      return;
    }
    renderActivity(box, accountId, hours, answer.items || []);
  } catch (error) {
    if (isSignedOutError(error) || !box.isConnected) {
      return;
    }
    clear(box).append(failureNote(error, 'Could not load its activity', 'activity-empty', 'The activity ledger has not seen any event of this account.'));
  } finally {
    box.removeAttribute('aria-busy');
  }
}

function activityTotal(item) {
  return (item.follows || 0) + (item.likes || 0) + (item.comments || 0);
}

function renderActivity(box, accountId, hours, items) {
  disposeCharts(box);
  clear(box);
  if (items.length === 0) {
    box.append(h('p', { className: 'empty', dataset: { testid: 'activity-empty' } }, 'This account has given no follows, likes or comments.'));
    return;
  }
  // Every hour from the first to the last with activity, so that quiet hours show as gaps.
  const HOUR = 3600000;
  const starts = items.map((i) => instant(i.at));
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const slots = [];
  for (let t = first; t <= last; t += HOUR) {
    slots.push(t);
  }
  const slotOf = (t) => Math.round((t - first) / HOUR);
  const apps = new Map(); // app -> { total, follows, likes, comments, values[], detail[] }
  for (const item of items) {
    const app = item.app || 'first-party';
    if (!apps.has(app)) {
      apps.set(app, { total: 0, follows: 0, likes: 0, comments: 0, values: slots.map(() => 0), detail: slots.map(() => null) });
    }
    const a = apps.get(app);
    const i = slotOf(instant(item.at));
    a.values[i] += activityTotal(item);
    a.detail[i] = item;
    a.total += activityTotal(item);
    a.follows += item.follows || 0;
    a.likes += item.likes || 0;
    a.comments += item.comments || 0;
  }
  const ordered = Array.from(apps.entries()).sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
  const hourFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const labels = slots.map((t) => hourFormat.format(new Date(t)));
  const summary = `Follows, likes and comments of ${accountId} per hour, over the ${plural(hours, 'hour', 'hours')} up to its newest activity: `
    + `${plural(items.length, 'app-hour', 'app-hours')} with activity, by app: `
    + ordered.map(([app, a]) => `${app} ${formatNumber(a.total, locale)} (${formatNumber(a.follows, locale)} follows, `
      + `${formatNumber(a.likes, locale)} likes, ${formatNumber(a.comments, locale)} comments)`).join('; ') + '.';
  const captionId = 'activity-caption';
  const chart = chartBox('account-activity-chart', `Activity of ${accountId} per hour, stacked by app`, captionId);
  const rows = items.slice().sort((a, b) => instant(a.at) - instant(b.at) || String(a.app).localeCompare(String(b.app))).map((item) => h('tr', {},
    h('th', { attrs: { scope: 'row' } }, time(item.at)),
    h('td', {}, item.app || 'first-party'),
    h('td', { className: 'num' }, formatNumber(item.follows || 0, locale)),
    h('td', { className: 'num' }, formatNumber(item.likes || 0, locale)),
    h('td', { className: 'num' }, formatNumber(item.comments || 0, locale))));
  box.append(h('figure', { className: 'chart-figure' },
    chart,
    h('figcaption', { id: captionId, className: 'small muted', dataset: { testid: 'activity-caption' } }, summary)),
  h('details', { className: 'table-details' }, h('summary', {}, 'Activity as a table'),
    tableOf(`Activity of ${accountId} per hour and app`, ['Hour starting', 'App', 'Follows', 'Likes', 'Comments'], rows, 'activity-table')));
  mountChart(chart, (echarts) => {
    const esc = echarts.format.encodeHTML;
    return {
      aria: { enabled: true, label: { description: summary }, decal: { show: true } },
      animation: !reducedMotion(),
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 56, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params) => {
          const list = (Array.isArray(params) ? params : [params]).filter((p) => p.value > 0);
          if (list.length === 0) {
            return '';
          }
          const lines = list.map((p) => {
            const d = ordered[p.seriesIndex][1].detail[p.dataIndex] || {};
            return `${p.marker}${esc(p.seriesName)}: ${esc(formatNumber(p.value, locale))} `
              + `(${esc(formatNumber(d.follows || 0, locale))} follows, ${esc(formatNumber(d.likes || 0, locale))} likes, `
              + `${esc(formatNumber(d.comments || 0, locale))} comments)`;
          });
          return [esc(list[0].axisValueLabel), ...lines].join('<br>');
        },
      },
      xAxis: { type: 'category', data: labels, axisLabel: { color: COLORS.text, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, name: 'actions per hour', nameTextStyle: { color: COLORS.text }, axisLabel: { color: COLORS.text } },
      dataZoom: slots.length > 48 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      series: ordered.map(([app, a]) => ({
        type: 'bar', name: app, stack: 'activity', data: a.values, emphasis: { focus: 'series' }, barMaxWidth: 28,
      })),
    };
  });
}

function accountAppeals(result) {
  if (result.status === 'rejected') {
    return errorNote('Could not load its appeals', result.reason);
  }
  const list = result.value || [];
  if (list.length === 0) {
    return h('p', { className: 'empty', dataset: { testid: 'account-appeals-empty' } }, 'No appeals.');
  }
  const rows = list.map((a) => h('tr', { dataset: { testid: 'account-appeal-row', appealId: a.id, enforcementId: a.enforcementId, status: a.status } },
    h('th', { attrs: { scope: 'row' } }, time(a.createdAt)),
    h('td', {}, enforcementLink(a.enforcementId, a.accountId)),
    h('td', {}, statusBadge(a.status, 'appeal-status')),
    h('td', { className: 'message-body' }, a.message || ''),
    h('td', { className: 'small' }, a.decidedAt ? [time(a.decidedAt), a.decidedBy ? ` by ${a.decidedBy}` : ''] : h('span', { className: 'muted' }, 'Not yet')),
    h('td', { className: 'small message-body' }, a.note || h('span', { className: 'muted' }, '–'))));
  return tableOf('Appeals of this account, newest first', ['Appealed', 'Enforcement', 'Status', 'Message', 'Decided', 'Note'], rows, 'account-appeals');
}

function accountDetails(a) {
  const removed = a.removed || {};
  const risk = typeof a.riskScore === 'number'
    ? `${a.riskScore.toFixed(2)} (${Math.round(a.riskScore * 100)}% likely inauthentic)`
    : 'Not scored yet';
  return h('div', { dataset: { testid: 'account-details' } },
    h('p', { className: 'account-title' }, h('strong', {}, a.accountId), ' ', statusBadge(a.status, 'account-status')),
    h('dl', { className: 'facts' },
      fact('Risk score', h('span', { dataset: { testid: 'account-risk' } }, risk)),
      fact('Model version', a.modelVersion || '–'),
      fact('Strikes', h('span', { dataset: { testid: 'account-strikes' } }, String(a.strikes ?? 0))),
      fact('Followers', formatNumber(a.followerCount, locale)),
      fact('Following', formatNumber(a.followingCount, locale)),
      fact('Removed so far', h('span', { dataset: { testid: 'account-removed' } }, removedText(removed))),
      fact('Lockstep group', a.groupId ? h('code', { dataset: { testid: 'account-group' } }, a.groupId) : 'None'),
      fact('Flagged apps', appsText(a.flaggedApps))),
    h('h3', {}, 'Reasons'),
    reasonsList(a.reasons));
}

function timeline(enforcements, messages) {
  const items = [];
  const notes = [];
  if (enforcements.status === 'fulfilled') {
    for (const e of enforcements.value || []) {
      items.push({ at: e.createdAt, type: 'enforcement', value: e });
    }
  } else {
    notes.push(errorNote('Could not load its enforcements', enforcements.reason));
  }
  if (messages.status === 'fulfilled') {
    for (const m of messages.value || []) {
      items.push({ at: m.createdAt, type: 'message', value: m });
    }
  } else {
    notes.push(errorNote('Could not load its messages', messages.reason));
  }
  items.sort((a, b) => instant(b.at) - instant(a.at));
  if (items.length === 0) {
    return h('div', {}, notes, h('p', { className: 'empty', dataset: { testid: 'timeline-empty' } }, 'No enforcements and no messages yet.'));
  }
  return h('div', {}, notes, h('ol', { className: 'timeline', dataset: { testid: 'account-timeline' } }, items.map((item) => {
    if (item.type === 'enforcement') {
      const e = item.value;
      return h('li', { className: 'timeline-item timeline-enforcement', dataset: { testid: 'timeline-item', type: 'enforcement', enforcementId: e.id } },
        h('div', { className: 'timeline-meta' }, time(e.createdAt), ' · Enforcement'),
        h('p', {}, h('strong', {}, ACTION_LABELS[e.action] || e.action), e.strike ? ` (strike ${e.strike}) ` : ' ', statusBadge(e.status, 'status-badge'),
          e.decidedBy ? h('span', { className: 'small muted' }, ` decided by ${e.decidedBy}`) : null),
        h('p', { className: 'small' }, `Removes ${removedText(e.removed)}`),
        e.heldReason ? h('p', { className: 'small' }, h('span', { className: 'label' }, 'Held because: '), e.heldReason) : null,
        reasonsList(e.reasons),
        h('p', { className: 'button-row' },
          impactButton(e),
          auditButton(e)));
    }
    const m = item.value;
    const states = [
      m.readAt ? 'read' : 'unread',
      m.resolvedAt ? 'resolved' : null,
      m.rescindedAt ? 'rescinded' : null,
    ].filter(Boolean).join(', ');
    return h('li', { className: 'timeline-item timeline-message', dataset: { testid: 'timeline-item', type: 'message', kind: m.kind } },
      h('div', { className: 'timeline-meta' }, time(m.createdAt), ` · Message: ${KIND_LABELS[m.kind] || m.kind}`),
      h('p', {}, h('strong', {}, m.title || '')),
      h('p', { className: 'small muted' }, `${states}${m.apps && m.apps.length ? ` · apps: ${m.apps.join(', ')}` : ''}${m.locale ? ` · ${m.locale}` : ''}`),
      h('details', {}, h('summary', {}, 'Message text'), h('p', { className: 'message-body' }, m.body || '')));
  })));
}

// ---------------------------------------------------------------------------------------------
// Cases: the queue

function caseFilters() {
  return { status: $('#cases-status').value || 'OPEN', kind: $('#cases-kind').value };
}

/** Largest follower loss first, then the most held members, then the oldest. */
function byImpact(a, b) {
  const follows = (c) => (c.removed && c.removed.follows) || 0;
  return follows(b) - follows(a)
    || (b.held || 0) - (a.held || 0)
    || instant(a.createdAt) - instant(b.createdAt)
    || String(a.id).localeCompare(String(b.id));
}

/** A page of cases: the cursor of the next one is in the body ({ items, next }). */
async function casesPage(filters, after) {
  const page = await call(`/cases${query({ ...filters, limit: CASES_PAGE, after })}`) || {};
  return { items: page.items || [], next: page.next || null };
}

const casesList = pagedList({
  state: casesState,
  body: '#cases-body',
  more: '#cases-more',
  first: async () => {
    const filters = caseFilters();
    return { ...(await casesPage(filters)), filters };
  },
  next: (after) => casesPage(casesState.filters, after),
  render: renderCases,
  loadError: 'Could not load the cases',
  moreError: 'Could not load more cases',
  moreNote: (n, next) => `${plural(n, 'more case', 'more cases')} loaded${next ? '; there are more' : ''}. The list is sorted by follower loss again.`,
});
const loadCases = () => casesList.load();

function renderCases() {
  const body = clear($('#cases-body'));
  const filters = casesState.filters || caseFilters();
  const open = filters.status === 'OPEN';
  const list = casesState.items.slice().sort(byImpact);
  body.dataset.status = filters.status;
  body.dataset.kind = filters.kind || 'ALL'; // what the rows shown were filtered by
  moreButtonState('#cases-more', casesState.next);
  if (open && !filters.kind) {
    navCount('#cases-count-nav', list.length, Boolean(casesState.next));
  }
  const what = `${open ? 'open' : 'closed'}${filters.kind ? ` ${(CASE_KIND_LABELS[filters.kind] || filters.kind).toLowerCase()}` : ''}`;
  body.append(h('p', { className: 'muted small', dataset: { testid: 'cases-summary' } },
    `${plural(list.length, `${what} case`, `${what} cases`)}${casesState.next ? ' loaded (more with “More cases”)' : ''}; largest follower loss first${casesState.next ? ' among those loaded' : ''}.`));
  if (list.length === 0) {
    body.append(h('p', { className: 'empty', dataset: { testid: 'cases-empty' } }, open ? 'No case is waiting for a decision.' : 'No closed case.'));
    return;
  }
  const rows = list.map((c) => h('tr', {
    dataset: {
      testid: 'case-row', caseId: c.id, kind: c.kind, status: c.status, held: c.held,
      removedFollows: (c.removed && c.removed.follows) || 0, enforcementIds: (c.enforcementIds || []).join(' '),
    },
  },
  h('th', { attrs: { scope: 'row' } },
    hashLink(`#case/${encodeURIComponent(c.id)}`, { className: 'case-link', dataset: { testid: 'case-link', caseId: c.id } }, c.title || c.id),
    h('div', { className: 'muted small' }, h('code', {}, c.id))),
  h('td', {}, caseKindBadge(c.kind)),
  h('td', { className: 'num', dataset: { testid: 'case-held' } }, formatNumber(c.held, locale),
    h('div', { className: 'muted small' }, `of ${formatNumber((c.enforcementIds || []).length, locale)}`)),
  h('td', { className: 'small', dataset: { testid: 'case-removed' } }, removedText(c.removed)),
  h('td', { className: 'num', dataset: { testid: 'case-receivers' } }, formatNumber(c.receivers, locale)),
  h('td', {}, time(c.createdAt), c.closedAt ? h('div', { className: 'small muted' }, 'closed ', time(c.closedAt)) : null),
  h('td', {}, statusBadge(c.status, 'case-row-status'))));
  body.append(tableOf(`${what[0].toUpperCase()}${what.slice(1)} cases, largest follower loss first`,
    ['Case', 'Kind', 'Held', open ? 'Would remove' : 'Removed', 'Receivers', 'Created', 'Status'], rows, 'cases-table'));
}

// ---------------------------------------------------------------------------------------------
// Cases: one case's page (#case/<id>)

async function showCase(caseId, { focus = true } = {}) {
  currentCaseId = caseId;
  const generation = ++caseGeneration;
  delete $('#case').dataset.status;
  const body = openPanel('case', `Case ${caseId}`, { caseId }, { focus });
  try {
    const c = await call(`/cases/${seg(caseId)}`);
    if (generation !== caseGeneration) {
      return;
    }
    renderCase(c);
  } catch (error) {
    if (isSignedOutError(error) || generation !== caseGeneration) {
      return;
    }
    clear(body).append(failureNote(error, 'Could not load the case', 'case-unknown', `No case “${caseId}” is known.`));
  } finally {
    body.removeAttribute('aria-busy');
  }
}

function closeCase() {
  hidePanel('case', '#case/');
  currentCaseId = null;
  caseGeneration += 1;
  $('#cases').scrollIntoView({ block: 'start' });
  $('#cases-heading').focus();
}

function renderCase(c) {
  const section = $('#case');
  const body = $('#case-body');
  disposeCharts(body);
  clear(body);
  section.dataset.caseId = c.id;
  section.dataset.status = c.status;
  $('#case-heading').textContent = c.title ? `Case: ${c.title}` : `Case ${c.id}`;
  const evidence = c.evidence || {};
  const members = evidence.members || [];
  for (const m of members) {
    if (m.enforcementId && !knownEnforcements.has(m.enforcementId)) {
      knownEnforcements.set(m.enforcementId, { id: m.enforcementId, accountId: m.accountId, action: m.action, status: m.status, removed: m.removed });
    }
  }
  const open = c.status === 'OPEN';
  body.append(
    h('dl', { className: 'facts', dataset: { testid: 'case-summary' } },
      fact('Status', statusBadge(c.status, 'case-status')),
      fact('Kind', caseKindBadge(c.kind)),
      fact('Held members', h('span', { dataset: { testid: 'case-page-held' } }, formatNumber(c.held, locale))),
      fact('Members', formatNumber((c.enforcementIds || []).length, locale)),
      fact(open ? 'Would remove (held members)' : 'Removed (all members)', h('span', { dataset: { testid: 'case-page-removed' } }, removedText(c.removed))),
      fact('Receiving accounts', formatNumber(c.receivers, locale)),
      fact('Created', time(c.createdAt)),
      fact('Closed', c.closedAt ? time(c.closedAt) : 'Not yet'),
      evidence.groupId ? fact('Lockstep group', h('code', {}, evidence.groupId)) : null,
      h('div', {}, h('dt', {}, 'Case id'), h('dd', {}, h('code', {}, c.id)))),
    open && c.held > 0
      ? caseDecideForm(c)
      : h('p', { className: 'note note-ok', dataset: { testid: 'case-closed-note' } },
        open ? 'No member is held any more: there is nothing left to decide.' : 'This case is closed: every member has been decided. The audit below says by whom.'));

  const graph = caseGraph(c);
  const impact = caseImpact(c);
  body.append(
    h('h3', {}, c.kind === 'LOCKSTEP_GROUP' ? 'The lockstep group' : 'Members and targets'),
    graph.node,
    h('h3', {}, 'Follower loss per receiving account'),
    impact.node,
    h('h3', {}, 'Reasons'),
    caseReasons(evidence.reasons),
    sharedTargetsTable(evidence.sharedTargets),
    h('h3', {}, 'Members'),
    caseMembers(members),
    h('h3', {}, 'Audit'),
    auditTable(c.audit, { withEnforcement: true, testid: 'case-audit' }));
  graph.mount();
  impact.mount();
}

function caseDecideForm(c) {
  const n = c.held;
  const what = plural(n, 'held enforcement', 'held enforcements');
  const draft = caseDraft && caseDraft.caseId === c.id ? caseDraft : null;
  const keep = (patch) => {
    caseDraft = { ...(caseDraft && caseDraft.caseId === c.id ? caseDraft : { caseId: c.id }), ...patch };
  };
  return decideForm({
    props: { attrs: { 'aria-labelledby': 'case-decide-heading' }, dataset: { testid: 'case-decide-form', expected: n } },
    intro: [
      h('h3', { id: 'case-decide-heading' }, 'Decide the case'),
      h('p', { dataset: { testid: 'case-decide-scope' } },
        `One decision for the ${plural(n, 'member', 'members')} still held. If the case changes before you confirm (a member is decided elsewhere, or a new one is held), nothing is decided and you are asked to reload.`),
    ],
    name: 'case-decision',
    choices: [
      ['APPROVE', `Approve: apply all ${what} (remove what they list, warn the accounts)`, 'case-decision-approve', draft && draft.decision === 'APPROVE'],
      ['REJECT', `Reject: apply none of them (final)`, 'case-decision-reject', draft && draft.decision === 'REJECT'],
    ],
    missing: 'Choose approve or reject.',
    note: {
      id: 'case-note',
      testid: 'case-note',
      label: 'Note (required)',
      hint: `Why you decide so: it goes into the audit of every member. 1 to ${formatNumber(NOTE_MAX, locale)} characters.`,
      value: draft ? draft.note || '' : '',
      onInput: (value) => keep({ note: value }),
    },
    testids: { error: 'case-decide-error', submit: 'case-decide-submit' },
    onChange: (event, error) => {
      if (event.target.name === 'case-decision') {
        keep({ decision: event.target.value });
        error.textContent = '';
      }
    },
    confirmation: (decision) => (decision === 'APPROVE'
      ? {
        title: `Approve ${what}?`,
        text: `This applies all ${what} of case “${c.title || c.id}”: the follows, likes and comments they list are removed and the accounts are warned. Each can later be reverted on its own.`,
        confirmLabel: `Approve ${what}`,
        variant: 'approve',
      }
      : {
        title: `Reject ${what}?`,
        text: `This rejects all ${what} of case “${c.title || c.id}”: none of them will be applied. A rejection cannot be undone.`,
        confirmLabel: `Reject ${what}`,
        variant: 'danger',
      }),
    unchanged: `Nothing was decided: case ${c.id} still holds ${what}.`,
    decide: (decision, note, error) => submitCaseDecision(c, decision, note, error),
  });
}

async function submitCaseDecision(c, decision, note, error) {
  const approve = decision === 'APPROVE';
  const n = c.held;
  const what = plural(n, 'held enforcement', 'held enforcements');
  try {
    const updated = await call(`/cases/${seg(c.id)}/decide`, { method: 'POST', body: { decision, note, expectedEnforcements: n } });
    caseDraft = null;
    const closed = updated && updated.status === 'CLOSED';
    if (currentCaseId === c.id) {
      caseGeneration += 1; // an older load of this case must not draw over the answer
      renderCase(updated || c);
      $('#case-heading').focus();
    }
    announce(`Case “${c.title || c.id}” ${approve ? 'approved' : 'rejected'}: ${what} ${approve ? 'applied' : 'rejected'}${closed ? '; the case is closed' : ''}.`, 'success');
    await refreshAfter({ lists: [loadCases, loadQueue, loadEnforcements, loadGuard], accountId: currentAccount });
  } catch (e) {
    if (isSignedOutError(e)) {
      return;
    }
    if (e instanceof ApiError && e.status === 409) {
      // The held members are not the ones the moderator saw, the case was closed meanwhile, or it
      // holds more than one decision may apply: the detail says which.
      const text = `The case changed (or cannot be decided at once), so nothing was decided: ${describe(e)} Reload the case to see what it holds now, then decide again; your note is kept.`;
      clear(error).append(text, ' ', button('Reload the case', { variant: 'primary', testid: 'case-reload-after-conflict', onClick: () => showCase(c.id) }));
      announce(text, 'error');
    } else {
      const text = `Could not decide the case: ${describe(e)}`;
      error.textContent = text;
      announce(text, 'error');
    }
  }
}

/**
 * The graph's nodes and links: members (circles) and the targets they hit together (diamonds).
 * The evidence counts how many members share a target but not which ones, so every member is
 * linked to every target; the caption says so. Without shared targets (a case held to protect a
 * receiver), the receivers that lose followers are the targets, from the summed impact.
 */
function caseGraphModel(c) {
  const evidence = c.evidence || {};
  const memberIds = Array.from(new Set((evidence.members || []).map((m) => m.accountId).filter(Boolean)));
  const memberInfo = new Map((evidence.members || []).map((m) => [m.accountId, m]));
  const shownMembers = memberIds.slice(0, GRAPH_MAX_MEMBERS);
  const targets = new Map(); // accountId -> { count, kinds:Set, windows:[] , loss }
  let source = 'shared';
  for (const t of evidence.sharedTargets || []) {
    if (!t || !t.targetAccountId) {
      continue;
    }
    const known = targets.get(t.targetAccountId) || { count: 0, kinds: new Set(), windows: [] };
    known.count = Math.max(known.count, Number(t.accounts) || 0);
    if (t.kind) {
      known.kinds.add(t.kind);
    }
    if (t.from || t.to) {
      known.windows.push([t.from, t.to]);
    }
    targets.set(t.targetAccountId, known);
  }
  if (targets.size === 0) {
    source = 'impact';
    for (const r of c.impact || []) {
      const loss = (r.followersBefore || 0) - (r.followersAfter || 0);
      if (loss > 0) {
        targets.set(r.accountId, { count: 0, kinds: new Set(), windows: [], loss });
      }
    }
  }
  const weight = (t) => (source === 'shared' ? t.count : t.loss);
  const rankedTargets = Array.from(targets.entries()).sort((a, b) => weight(b[1]) - weight(a[1]) || a[0].localeCompare(b[0]));
  const shownTargets = rankedTargets.slice(0, GRAPH_MAX_TARGETS);
  const maxWeight = Math.max(1, ...shownTargets.map(([, t]) => weight(t)));
  const nodes = [];
  const ids = new Set();
  for (const id of shownMembers) {
    const m = memberInfo.get(id) || {};
    ids.add(id);
    nodes.push({
      id, name: id, category: 0, symbol: 'circle', symbolSize: 18,
      tip: `${id}: member, enforcement ${m.enforcementId || '?'} (${m.status || 'status unknown'}), removes ${removedText(m.removed)}`,
    });
  }
  for (const [id, t] of shownTargets) {
    const w = weight(t);
    const tip = source === 'shared'
      ? `${id}: shared target${t.kinds.size ? ` (${Array.from(t.kinds).join(', ').toLowerCase()})` : ''}, hit by ${plural(t.count, 'member', 'members')}`
        + (t.windows.length ? ` between ${t.windows.map(([from, to]) => `${formatDateTime(from, locale)} and ${formatDateTime(to, locale)}`).join('; ')}` : '')
      : `${id}: receiving account, loses ${plural(t.loss, 'follower', 'followers')} to the held members together`;
    if (ids.has(id)) {
      // A member the others also hit (farm accounts follow each other): one node, both roles.
      const node = nodes.find((n) => n.id === id);
      node.tip += `; also ${tip.slice(id.length + 2)}`;
      continue;
    }
    ids.add(id);
    nodes.push({
      id, name: id, category: 1, symbol: 'diamond', symbolSize: 10 + Math.round(14 * (w / maxWeight)),
      label: { show: shownTargets.length <= 25 }, tip,
    });
  }
  const links = [];
  for (const m of shownMembers) {
    for (const [t] of shownTargets) {
      if (m !== t) {
        links.push({ source: m, target: t });
      }
    }
  }
  const cut = [
    memberIds.length > shownMembers.length ? `the first ${shownMembers.length} of ${memberIds.length} members` : null,
    rankedTargets.length > shownTargets.length ? `the ${shownTargets.length} ${source === 'shared' ? 'most shared' : 'hardest hit'} of ${rankedTargets.length} targets` : null,
  ].filter(Boolean);
  const caption = (source === 'shared'
    ? 'Circles are the member accounts, diamonds the targets members hit in the same short windows; a bigger diamond is shared by more members. '
      + 'The evidence says how many members hit each target, not which ones, so every member is drawn linked to every shared target: '
      + 'the lines show the group, not who hit what. Hover a target for its real count and windows.'
    : 'Circles are the member accounts, diamonds the receiving accounts that lose followers; a bigger diamond loses more. '
      + 'This case lists no shared targets, and its impact is summed over the held members, so every member is drawn linked to every losing receiver: '
      + 'the lines show the case, not who followed whom.')
    + (cut.length ? ` Shown: ${cut.join(' and ')}.` : '');
  const label = `Graph of case ${c.title || c.id}: ${plural(memberIds.length, 'member account', 'member accounts')} and `
    + `${plural(rankedTargets.length, source === 'shared' ? 'shared target' : 'losing receiver', source === 'shared' ? 'shared targets' : 'losing receivers')}.`;
  return { nodes, links, caption, label, source, members: memberIds.length, targets: rankedTargets.length };
}

function caseGraph(c) {
  const model = caseGraphModel(c);
  if (model.nodes.length === 0) {
    return { node: h('p', { className: 'empty', dataset: { testid: 'case-graph-empty' } }, 'The evidence lists no members to draw.'), mount: () => {} };
  }
  const captionId = 'case-graph-caption';
  const box = chartBox('case-graph', model.label, captionId, 'echart-graph');
  box.dataset.source = model.source;
  const node = h('figure', { className: 'chart-figure' }, box,
    h('figcaption', { id: captionId, className: 'small muted', dataset: { testid: 'case-graph-caption' } }, model.caption));
  const mount = () => mountChart(box, (echarts) => {
    const esc = echarts.format.encodeHTML;
    return {
      aria: { enabled: true, label: { description: `${model.label} ${model.caption}` } },
      animation: !reducedMotion(),
      color: [COLORS.member, COLORS.target],
      legend: { top: 0, data: ['Member account', model.source === 'shared' ? 'Shared target' : 'Receiver losing followers'] },
      tooltip: {
        confine: true,
        formatter: (p) => (p.dataType === 'edge' ? `${esc(p.data.source)} → ${esc(p.data.target)}` : esc(p.data.tip || p.name)),
      },
      series: [{
        type: 'graph',
        layout: 'force',
        top: 40,
        roam: true,
        draggable: true,
        categories: [{ name: 'Member account' }, { name: model.source === 'shared' ? 'Shared target' : 'Receiver losing followers' }],
        data: model.nodes,
        links: model.links,
        label: { show: true, position: 'right', fontSize: 11, color: COLORS.text, formatter: (p) => shortId(p.name, 18) },
        labelLayout: { hideOverlap: true },
        lineStyle: { color: COLORS.edge, opacity: 0.45, width: 1 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2, opacity: 0.9 } },
        force: { repulsion: 160, gravity: 0.08, edgeLength: [50, 160], layoutAnimation: false },
      }],
    };
  });
  return { node, mount };
}

function caseImpact(c) {
  const receivers = (c.impact || []).map((r) => ({ ...r, loss: (r.followersBefore || 0) - (r.followersAfter || 0) }))
    .sort((a, b) => b.loss - a.loss || String(a.accountId).localeCompare(String(b.accountId), undefined, { numeric: true }));
  if (receivers.length === 0) {
    return { node: h('p', { className: 'empty', dataset: { testid: 'case-impact-empty' } }, 'No receiving account loses followers (or the ledger has not reported the impact yet).'), mount: () => {} };
  }
  const shown = receivers.slice(0, CHART_MAX_BARS);
  const captionId = 'case-impact-caption';
  const summary = `Followers before and after, summed over the held members, for the ${shown.length === receivers.length ? `${shown.length}` : `${shown.length} hardest hit of ${receivers.length}`} receiving accounts. `
    + shown.slice(0, 5).map((r) => `${r.accountId}: ${formatNumber(r.followersBefore, locale)} before, ${formatNumber(r.followersAfter, locale)} after`).join('; ')
    + (receivers.length > 5 ? '; the table lists every account.' : '.');
  const box = chartBox('case-impact-chart', `Follower loss per receiving account in case ${c.title || c.id}`, captionId);
  const rows = receivers.map((r) => h('tr', { dataset: { testid: 'case-impact-row', accountId: r.accountId } },
    h('th', { attrs: { scope: 'row' } }, accountLink(r.accountId)),
    h('td', { className: 'num' }, formatNumber(r.followersBefore, locale)),
    h('td', { className: 'num' }, formatNumber(r.followersAfter, locale)),
    h('td', { className: 'num' }, `−${formatNumber(r.loss, locale)} (${percent(lossShare(r))})`)));
  const node = h('div', {},
    h('figure', { className: 'chart-figure' }, box,
      h('figcaption', { id: captionId, className: 'small muted', dataset: { testid: 'case-impact-caption' } }, summary)),
    h('details', { className: 'table-details' }, h('summary', {}, `Every receiving account (${formatNumber(receivers.length, locale)})`),
      tableOf('Follower loss per receiving account', ['Receiving account', 'Followers before', 'Followers after', 'Follower change'], rows, 'case-impact-table')));
  return { node, mount: followerBars(box, shown, summary) };
}

function caseReasons(reasons) {
  if (!reasons || reasons.length === 0) {
    return h('p', { className: 'muted' }, 'No reasons given.');
  }
  return h('ul', { className: 'reasons', dataset: { testid: 'case-reasons' } }, reasons.map((r) => {
    const n = Array.isArray(r.enforcements) ? r.enforcements.length : Number(r.enforcements);
    return h('li', {}, r.reason || '', Number.isFinite(n) ? h('span', { className: 'muted small' }, ` (${plural(n, 'enforcement', 'enforcements')})`) : null);
  }));
}

function sharedTargetsTable(targets) {
  if (!targets || targets.length === 0) {
    return null;
  }
  const rows = targets.slice().sort((a, b) => (b.accounts || 0) - (a.accounts || 0)).map((t) => h('tr', { dataset: { testid: 'case-target-row', accountId: t.targetAccountId } },
    h('th', { attrs: { scope: 'row' } }, accountLink(t.targetAccountId)),
    h('td', {}, t.kind ? t.kind.toLowerCase() : h('span', { className: 'muted' }, 'any')),
    h('td', { className: 'small' }, time(t.from), ' – ', time(t.to)),
    h('td', { className: 'num' }, formatNumber(t.accounts, locale))));
  return h('div', {}, h('h3', {}, 'Shared targets and windows'),
    tableOf('Targets the members hit in the same windows', ['Target', 'Engagement', 'Window', 'Members sharing it'], rows, 'case-targets'));
}

function caseMembers(members) {
  if (members.length === 0) {
    return h('p', { className: 'muted' }, 'The evidence lists no members.');
  }
  const rows = members.map((m) => {
    const e = knownEnforcements.get(m.enforcementId) || { id: m.enforcementId, accountId: m.accountId, action: m.action, status: m.status, removed: m.removed };
    return h('tr', { dataset: { testid: 'case-member-row', enforcementId: m.enforcementId, accountId: m.accountId, status: m.status } },
      h('th', { attrs: { scope: 'row' } }, accountLink(m.accountId)),
      h('td', {}, enforcementLink(m.enforcementId, m.accountId)),
      h('td', {}, ACTION_LABELS[m.action] || m.action || '–'),
      h('td', {}, statusBadge(m.status, 'status-badge')),
      h('td', { className: 'small' }, removedText(m.removed)),
      h('td', { className: 'actions' },
        impactButton(e),
        auditButton(e)));
  });
  return tableOf('Members of the case', ['Account', 'Enforcement', 'Action', 'Status', 'Removes', 'Actions'], rows, 'case-members');
}

function actorText(actor) {
  const a = String(actor || '');
  if (a === 'model') {
    return 'Model';
  }
  if (a === 'guard') {
    return 'Blast-radius guard';
  }
  if (a.startsWith('moderator:')) {
    return `Moderator ${a.slice('moderator:'.length)}`;
  }
  return a || '–';
}

function transition(from, to) {
  return h('span', { className: 'transition' },
    from ? statusBadge(from, 'audit-from') : h('span', { className: 'muted small' }, 'created'),
    h('span', { attrs: { 'aria-label': 'to' } }, ' → '),
    statusBadge(to, 'audit-to'));
}

/** Transitions, oldest first: when, by whom, from which status to which, with the moderator's note. */
function auditTable(entries, { withEnforcement = false, testid = 'audit-table' } = {}) {
  const list = entries || [];
  if (list.length === 0) {
    return h('p', { className: 'empty', dataset: { testid: `${testid}-empty` } }, 'No transitions recorded.');
  }
  const rows = list.map((a) => h('tr', { dataset: { testid: 'audit-row', to: a.to, actor: a.actor } },
    h('th', { attrs: { scope: 'row' } }, time(a.at)),
    h('td', { attrs: { title: a.actor || '' } }, actorText(a.actor)),
    withEnforcement ? h('td', {}, a.enforcementId ? enforcementLink(a.enforcementId) : '–') : null,
    h('td', {}, transition(a.from, a.to)),
    h('td', { className: 'message-body small' }, a.note || h('span', { className: 'muted' }, '–'))));
  const headers = ['When', 'By', ...(withEnforcement ? ['Enforcement'] : []), 'Transition', 'Note'];
  return tableOf('Audit, oldest first', headers, rows, testid);
}

// ---------------------------------------------------------------------------------------------
// An enforcement's audit (#enforcement/<id>, or the Audit buttons)

async function showAudit(enforcementId, { enforcement = null, focus = true } = {}) {
  currentAuditId = enforcementId;
  if (enforcement) {
    knownEnforcements.set(enforcementId, { ...(knownEnforcements.get(enforcementId) || {}), ...enforcement });
  }
  const body = openPanel('audit', `Audit of ${enforcementId}`, { enforcementId }, { focus });
  let known = knownEnforcements.get(enforcementId);
  const accountId = (known && known.accountId) || enforcementAccounts.get(enforcementId);
  const [audit, list] = await Promise.allSettled([
    call(`/enforcements/${seg(enforcementId)}/audit`),
    accountId ? call(`/enforcements${query({ accountId })}`) : Promise.resolve(null),
  ]);
  body.removeAttribute('aria-busy');
  if (currentAuditId !== enforcementId) {
    return;
  }
  if ([audit, list].some((r) => r.status === 'rejected' && isSignedOutError(r.reason))) {
    return;
  }
  if (list.status === 'fulfilled' && list.value) {
    remember(list.value);
    known = knownEnforcements.get(enforcementId) || known;
  }
  clear(body);
  if (known && known.accountId) {
    body.append(h('dl', { className: 'facts', dataset: { testid: 'audit-enforcement' } },
      fact('Account', accountLink(known.accountId)),
      known.action ? fact('Action', actionText(known)) : null,
      known.status ? fact('Status now', statusBadge(known.status, 'audit-status')) : null,
      known.removed ? fact('Removes', removedText(known.removed)) : null),
    h('p', {}, impactButton(known)));
  }
  if (audit.status === 'rejected') {
    const e = audit.reason;
    body.append(failureNote(e, 'Could not load the audit', 'audit-unknown', `No enforcement “${enforcementId}” is known.`));
    return;
  }
  body.append(auditTable(audit.value, { testid: 'audit-table' }));
}

function closeAudit() {
  hidePanel('audit', '#enforcement/');
  currentAuditId = null;
  $('#enforcements-heading').focus();
}

// ---------------------------------------------------------------------------------------------
// Appeals: the queue

/** The next page of the appeal queue comes from the Link header's rel="next": appended below. */
const appealsList = pagedList({
  state: appealsState,
  body: '#appeals-body',
  more: '#appeals-more',
  first: async () => {
    const status = $('#appeals-status').value || 'OPEN';
    return { ...(await linkedPage(`/appeals${query({ status, limit: APPEALS_LIMIT })}`)), status };
  },
  next: linkedPage,
  render: renderAppeals,
  loadError: 'Could not load the appeals',
  moreError: 'Could not load more appeals',
  moreNote: (n, next) => `${plural(n, 'more appeal', 'more appeals')} shown${next ? '; there are more' : ''}.`,
});
const loadAppeals = () => appealsList.load();

function renderAppeals() {
  const body = clear($('#appeals-body'));
  const list = appealsState.items;
  const status = appealsState.status;
  moreButtonState('#appeals-more', appealsState.next);
  for (const a of list) {
    enforcementAccounts.set(a.enforcementId, a.accountId);
  }
  if (status === 'OPEN') {
    navCount('#appeals-count-nav', list.length, Boolean(appealsState.next));
  }
  const label = status.toLowerCase();
  body.append(h('p', { className: 'muted small', dataset: { testid: 'appeals-summary' } },
    `${plural(list.length, `${label} appeal`, `${label} appeals`)}${appealsState.next ? ' shown, more on the next page' : ''}, oldest first.`));
  if (list.length === 0) {
    body.append(h('p', { className: 'empty', dataset: { testid: 'appeals-empty' } }, status === 'OPEN' ? 'No appeal is waiting.' : `No ${label} appeal.`));
    return;
  }
  body.append(h('ol', { className: 'appeal-list', dataset: { testid: 'appeal-list' } }, list.map(appealItem)));
}

function appealItem(a) {
  const headingId = domId('appeal-heading', a.id);
  return h('li', {},
    h('article', {
      className: 'appeal',
      attrs: { 'aria-labelledby': headingId },
      dataset: { testid: 'appeal-item', appealId: a.id, enforcementId: a.enforcementId, accountId: a.accountId, status: a.status },
    },
    h('h3', { id: headingId, className: 'appeal-heading' }, `Appeal of ${a.accountId}`, ' ', statusBadge(a.status, 'appeal-status')),
    h('dl', { className: 'facts' },
      fact('Account', accountLink(a.accountId)),
      fact('Enforcement', enforcementLink(a.enforcementId, a.accountId)),
      fact('Appealed', time(a.createdAt)),
      a.decidedAt ? fact('Decided', [time(a.decidedAt), a.decidedBy ? ` by ${a.decidedBy}` : '']) : null),
    h('h4', { className: 'small-heading' }, 'What the account holder wrote'),
    h('blockquote', { className: 'appeal-message message-body', dataset: { testid: 'appeal-message' } }, a.message || ''),
    a.status === 'OPEN'
      ? appealDecideForm(a)
      : h('p', { className: 'small', dataset: { testid: 'appeal-decision' } }, h('span', { className: 'label' }, 'Note: '), a.note || '–')));
}

function appealDecideForm(a) {
  const id = domId('appeal', a.id);
  return decideForm({
    props: { attrs: { 'aria-label': `Decide the appeal of ${a.accountId}` } },
    name: `${id}-decision`,
    choices: [
      ['GRANT', 'Grant: revert the enforcement exactly and take its strike back', 'appeal-grant'],
      ['DENY', 'Deny: the enforcement stays', 'appeal-deny'],
    ],
    missing: 'Choose grant or deny.',
    note: {
      id: `${id}-note`,
      testid: 'appeal-note',
      label: 'Note (required)',
      hint: `Why you decide so, for the audit. 1 to ${formatNumber(NOTE_MAX, locale)} characters.`,
    },
    testids: { error: 'appeal-decide-error', submit: 'appeal-decide' },
    confirmation: (decision) => (decision === 'GRANT'
      ? {
        title: 'Grant this appeal?',
        text: `Granting the appeal of ${a.accountId} reverts enforcement ${a.enforcementId} exactly: what it removed is restored, its strike is taken back, a block it caused is lifted, and the account is told. A decided appeal cannot be changed.`,
        confirmLabel: 'Grant the appeal',
        variant: 'approve',
      }
      : {
        title: 'Deny this appeal?',
        text: `Denying the appeal of ${a.accountId} keeps enforcement ${a.enforcementId} as it is, and the account is told that the appeal was denied. A decided appeal cannot be changed.`,
        confirmLabel: 'Deny the appeal',
        variant: 'danger',
      }),
    unchanged: `Nothing was decided: the appeal of ${a.accountId} is still open.`,
    decide: (decision, note, error, form) => submitAppealDecision(a, decision, note, error, form),
  });
}

async function submitAppealDecision(a, decision, note, error, form) {
  const grant = decision === 'GRANT';
  try {
    const updated = await call(`/appeals/${seg(a.id)}/decide`, { method: 'POST', body: { decision, note } });
    const item = form.closest('li');
    if (item) {
      const decided = { ...a, ...(updated || {}), status: (updated && updated.status) || (grant ? 'GRANTED' : 'DENIED'), note };
      const at = appealsState.items.findIndex((x) => x.id === a.id);
      if (at >= 0) {
        appealsState.items[at] = decided;
      }
      const fresh = appealItem(decided);
      item.replaceWith(fresh);
      const heading = fresh.querySelector('.appeal-heading');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    if ($('#appeals-status').value === 'OPEN') {
      const open = document.querySelectorAll('[data-testid="appeal-item"][data-status="OPEN"]').length;
      navCount('#appeals-count-nav', open, false);
    }
    announce(grant
      ? `Appeal of ${a.accountId} granted: enforcement ${a.enforcementId} is reverted and the account is told.`
      : `Appeal of ${a.accountId} denied: enforcement ${a.enforcementId} stays, and the account is told.`, 'success');
    await refreshAfter({ lists: [loadEnforcements, loadQueue], accountId: a.accountId, enforcementId: a.enforcementId });
  } catch (e) {
    if (isSignedOutError(e)) {
      return;
    }
    const text = e instanceof ApiError && e.status === 409
      ? `This appeal was decided meanwhile, so nothing changed: ${describe(e)} Refresh the appeals to see the decision.`
      : `Could not decide the appeal: ${describe(e)}`;
    error.textContent = text;
    announce(text, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring

function loadEverything() {
  return Promise.allSettled([loadGuard(), loadCases(), loadQueue(), loadAppeals(), loadEnforcements()]).then(() => routeFromHash());
}

const ROUTES = [
  [/^#account\/(.+)$/, (id) => loadAccount(id)],
  [/^#case\/(.+)$/, (id) => showCase(id)],
  [/^#enforcement\/(.+)$/, (id) => showAudit(id)],
];

function routeFromHash() {
  if (!token) {
    return;
  }
  for (const [pattern, open] of ROUTES) {
    const match = pattern.exec(window.location.hash);
    if (match) {
      let id;
      try {
        id = decodeURIComponent(match[1]);
      } catch {
        return;
      }
      open(id);
      return;
    }
  }
}

function init() {
  $('#guard-refresh').addEventListener('click', loadGuard);
  $('#guard-resume').addEventListener('click', resumeGuard);
  $('#queue-refresh').addEventListener('click', loadQueue);
  $('#queue-more').addEventListener('click', queueList.more);
  $('#cases-refresh').addEventListener('click', loadCases);
  $('#cases-more').addEventListener('click', casesList.more);
  $('#cases-filter').addEventListener('submit', (event) => event.preventDefault());
  $('#cases-status').addEventListener('change', loadCases);
  $('#cases-kind').addEventListener('change', loadCases);
  $('#case-reload').addEventListener('click', () => currentCaseId && showCase(currentCaseId));
  $('#case-close').addEventListener('click', closeCase);
  $('#appeals-refresh').addEventListener('click', loadAppeals);
  $('#appeals-more').addEventListener('click', appealsList.more);
  $('#appeals-filter').addEventListener('submit', (event) => event.preventDefault());
  $('#appeals-status').addEventListener('change', loadAppeals);
  $('#audit-close').addEventListener('click', closeAudit);
  $('#enforcements-refresh').addEventListener('click', loadEnforcements);
  $('#enforcements-more').addEventListener('click', enforcementsList.more);
  $('#filter-limit').addEventListener('change', loadEnforcements);
  $('#filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadEnforcements();
  });
  $('#filter-reset').addEventListener('click', () => {
    $('#filter-status').value = '';
    $('#filter-account').value = '';
    $('#filter-limit').value = '200';
    loadEnforcements();
  });
  $('#impact-close').addEventListener('click', () => {
    hidePanel('impact');
    currentImpact = null;
    $('#queue-heading').focus();
  });
  $('#account-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = $('#account-id').value.trim();
    if (window.location.hash === `#account/${encodeURIComponent(id)}`) {
      loadAccount(id);
    } else {
      window.location.hash = `#account/${encodeURIComponent(id)}`;
    }
  });
  window.addEventListener('hashchange', routeFromHash);
  window.addEventListener('resize', onWindowResize);

  const resumed = setUpSignIn({
    store,
    check: validateToken,
    start: startSession,
    welcome: (payload) => {
      announce(`Signed in as ${payload.sub}.`, 'success');
      $('#main').focus();
    },
    signOut: () => {
      signOut();
      announce('Signed out.');
    },
    resumeError: (error) => `${error.message} Please sign in again.`,
  });
  if (!resumed) {
    showSession(null, [$('#section-nav')]);
  }
}

init();
