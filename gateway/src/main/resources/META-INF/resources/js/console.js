// The moderation console: sign in with a moderator JWT (kept in sessionStorage), the blast-radius
// guard, the review queue of HELD enforcements, every enforcement with filters, an enforcement's
// impact (table and inline SVG chart) and an account's page with a merged timeline.

import {
  ApiError, TokenStore, acceptLanguageFrom, announceIn, apiFetch, browserLanguages, cleanToken, clear,
  decodeJwt, formatDateTime, formatNumber, groupsOf, h, isExpired, query, seg, svg,
} from './api.js';

const store = new TokenStore('integrity-suite.console.token');
const ACCOUNT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CHART_MAX_BARS = 20;
const locale = browserLanguages()[0];

const STATUS_LABELS = { PROPOSED: 'Proposed', APPLIED: 'Applied', HELD: 'Held', REJECTED: 'Rejected', REVERTED: 'Reverted' };
const ACTION_LABELS = { REMOVE_AND_WARN: 'Remove and warn', BLOCK: 'Block' };
const KIND_LABELS = {
  INAUTHENTIC_ACTIVITY_WARNING: 'Warning',
  FINAL_WARNING: 'Final warning',
  ACCOUNT_BLOCKED: 'Account blocked',
  ENFORCEMENT_REVERSED: 'Enforcement reversed',
};
const DONE = { approve: 'approved', reject: 'rejected', revert: 'reverted' };

let token = null;
let currentAccount = null;
let currentImpact = null;

const $ = (selector) => document.querySelector(selector);

// ---------------------------------------------------------------------------------------------
// Status messages and errors

function announce(message, tone = 'info') {
  announceIn($('#status'), message, tone);
}

/** Calls the API as the signed-in moderator; a 401 signs out and asks to sign in again. */
async function call(path, options = {}) {
  try {
    return await apiFetch(path, { ...options, token });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut('The gateway did not accept your token (it may have expired). Please sign in again.');
    }
    throw error;
  }
}

function describe(error) {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return `${error.detail} (your token's role may not allow this).`;
    }
    return error.detail || error.title;
  }
  return error && error.message ? error.message : String(error);
}

function errorNote(prefix, error) {
  return h('p', { className: 'error-note', dataset: { testid: 'section-error' } }, `${prefix}: ${describe(error)}`);
}

function isSignedOutError(error) {
  return error instanceof ApiError && error.status === 401;
}

// ---------------------------------------------------------------------------------------------
// Sign in and out

function showSignedIn(payload) {
  $('#signin').hidden = true;
  $('#app').hidden = false;
  $('#session').hidden = false;
  $('#section-nav').hidden = false;
  $('#session-user').textContent = payload.sub || payload.upn || '(no subject)';
  $('#session-roles').textContent = groupsOf(payload).join(', ') || '(none)';
}

function showSignIn() {
  $('#app').hidden = true;
  $('#session').hidden = true;
  $('#section-nav').hidden = true;
  $('#signin').hidden = false;
}

function signOut(message) {
  token = null;
  store.clear();
  currentAccount = null;
  currentImpact = null;
  showSignIn();
  $('#signin-token').value = '';
  if (message) {
    $('#signin-error').textContent = message;
    announce(message, 'error');
  }
  $('#signin-token').focus();
}

function validateToken(raw) {
  const candidate = cleanToken(raw);
  if (!candidate) {
    throw new Error('Paste a token first.');
  }
  const payload = decodeJwt(candidate);
  if (isExpired(payload)) {
    throw new Error('This token has expired. Print a fresh one and paste it here.');
  }
  const groups = groupsOf(payload);
  if (!groups.includes('moderator')) {
    throw new Error(`This token's role is ${groups.join(', ') || 'missing'}; the console needs a moderator token.`);
  }
  return { candidate, payload };
}

function onSignIn(event) {
  event.preventDefault();
  const field = $('#signin-token');
  const errorText = $('#signin-error');
  try {
    const { candidate, payload } = validateToken(field.value);
    errorText.textContent = '';
    field.removeAttribute('aria-invalid');
    token = candidate;
    store.set(candidate);
    showSignedIn(payload);
    announce(`Signed in as ${payload.sub}.`, 'success');
    $('#main').focus();
    loadEverything();
  } catch (error) {
    errorText.textContent = error.message;
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
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

function accountLink(accountId) {
  return h('a', { href: `#account/${encodeURIComponent(accountId)}`, className: 'account-link', dataset: { testid: 'account-link', accountId } }, accountId);
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

async function loadQueue() {
  const body = $('#queue-body');
  body.setAttribute('aria-busy', 'true');
  try {
    const held = await call(`/enforcements${query({ status: 'HELD' })}`) || [];
    clear(body);
    $('#queue-count-nav').textContent = held.length ? `(${held.length})` : '';
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
        button('Impact', { testid: 'impact-button', ariaLabel: `Impact of enforcement ${e.id}`, onClick: () => showImpact(e) }),
        button('Approve', { variant: 'approve', testid: 'approve-button', ariaLabel: `Approve enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'approve', ev.currentTarget) }),
        button('Reject', { variant: 'danger', testid: 'reject-button', ariaLabel: `Reject enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'reject', ev.currentTarget) }))));
    body.append(tableOf('Enforcements held for review', ['Account', 'Enforcement', 'Held because', 'Reasons', 'Status', 'Actions'], rows, 'queue-table'));
  } catch (error) {
    if (!isSignedOutError(error)) {
      clear(body).append(errorNote('Could not load the review queue', error));
    }
  } finally {
    body.removeAttribute('aria-busy');
  }
}

/** Approve, reject or revert; then refresh what shows it and announce the outcome. */
async function decide(enforcement, verb, trigger) {
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
  await refreshAfterChange(enforcement);
  announce(message, tone);
}

async function refreshAfterChange(enforcement) {
  const work = [loadGuard(), loadQueue(), loadEnforcements()];
  if (currentImpact && currentImpact.id === enforcement.id) {
    work.push(reloadImpactHeader(enforcement.id));
  }
  if (currentAccount && currentAccount === enforcement.accountId) {
    work.push(loadAccount(currentAccount, { focus: false }));
  }
  await Promise.allSettled(work);
}

// ---------------------------------------------------------------------------------------------
// Enforcements list

function readFilters() {
  return { status: $('#filter-status').value, accountId: $('#filter-account').value.trim() };
}

async function loadEnforcements() {
  const body = $('#enforcements-body');
  const filters = readFilters();
  if (filters.accountId && !ACCOUNT_ID.test(filters.accountId)) {
    clear(body).append(h('p', { className: 'error-note' }, 'An account id is 1 to 64 letters, digits, dots, underscores or hyphens.'));
    $('#filter-account').setAttribute('aria-invalid', 'true');
    return;
  }
  $('#filter-account').removeAttribute('aria-invalid');
  body.setAttribute('aria-busy', 'true');
  try {
    const list = await call(`/enforcements${query(filters)}`) || [];
    clear(body);
    const what = [filters.status ? STATUS_LABELS[filters.status].toLowerCase() : null, filters.accountId ? `of ${filters.accountId}` : null].filter(Boolean).join(' ');
    body.append(h('p', { className: 'muted small', dataset: { testid: 'enforcements-summary' } },
      `${list.length} ${list.length === 1 ? 'enforcement' : 'enforcements'}${what ? ` (${what})` : ''}, newest first.`));
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
        button('Impact', { testid: 'impact-button', ariaLabel: `Impact of enforcement ${e.id}`, onClick: () => showImpact(e) }),
        e.status === 'HELD' || e.status === 'PROPOSED'
          ? [button('Approve', { variant: 'approve', testid: 'approve-button', ariaLabel: `Approve enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'approve', ev.currentTarget) }),
            button('Reject', { variant: 'danger', testid: 'reject-button', ariaLabel: `Reject enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'reject', ev.currentTarget) })]
          : null,
        e.status === 'APPLIED'
          ? button('Revert', { variant: 'danger', testid: 'revert-button', ariaLabel: `Revert enforcement of ${e.accountId}`, onClick: (ev) => decide(e, 'revert', ev.currentTarget) })
          : null)));
    body.append(tableOf('Enforcements', ['Account', 'Created', 'Action', 'Status', 'Removed', 'Decided by', 'Actions'], rows, 'enforcements-table'));
  } catch (error) {
    if (!isSignedOutError(error)) {
      clear(body).append(errorNote('Could not load enforcements', error));
    }
  } finally {
    body.removeAttribute('aria-busy');
  }
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
  const section = $('#impact');
  const body = $('#impact-body');
  section.hidden = false;
  section.dataset.enforcementId = enforcement.id;
  $('#impact-heading').textContent = `Impact of ${enforcement.id}`;
  clear(body).append(h('p', { className: 'muted' }, 'Loading…'));
  body.setAttribute('aria-busy', 'true');
  $('#impact-heading').focus();
  section.scrollIntoView({ block: 'start' });
  try {
    const receivers = await call(`/enforcements/${seg(enforcement.id)}/impact`) || [];
    if (currentImpact !== enforcement) {
      return; // another impact was opened meanwhile
    }
    clear(body);
    body.append(h('dl', { className: 'facts' },
      fact('Account', accountLink(enforcement.accountId)),
      fact('Action', `${ACTION_LABELS[enforcement.action] || enforcement.action}${enforcement.strike ? `, strike ${enforcement.strike}` : ''}`),
      fact('Status', h('span', { dataset: { testid: 'impact-status' } }, statusBadge(enforcement.status, 'status-badge'))),
      enforcement.heldReason ? fact('Held because', enforcement.heldReason) : null,
      fact('Removes', removedText(enforcement.removed)),
      fact('Receiving accounts', formatNumber(receivers.length, locale))));
    if (receivers.length === 0) {
      body.append(h('p', { className: 'empty', dataset: { testid: 'impact-empty' } }, 'No receiving account is affected (or the ledger has not reported the impact yet).'));
      return;
    }
    const sorted = receivers.slice().sort((a, b) => lossShare(b) - lossShare(a)
      || (b.followersBefore - b.followersAfter) - (a.followersBefore - a.followersAfter)
      || String(a.accountId).localeCompare(String(b.accountId), undefined, { numeric: true }));
    body.append(impactChart(enforcement, sorted));
    body.append(h('h3', { id: 'impact-table-heading' }, 'Per receiving account'));
    const rows = sorted.map((r) => h('tr', { dataset: { testid: 'impact-row', accountId: r.accountId } },
      h('th', { attrs: { scope: 'row' } }, accountLink(r.accountId)),
      h('td', { className: 'num' }, formatNumber(r.followersBefore, locale)),
      h('td', { className: 'num' }, formatNumber(r.followersAfter, locale)),
      h('td', { className: 'num' }, `−${formatNumber(r.followersBefore - r.followersAfter, locale)} (${percent(lossShare(r))})`),
      h('td', { className: 'num' }, formatNumber(r.likesRemoved, locale)),
      h('td', { className: 'num' }, formatNumber(r.commentsRemoved, locale))));
    body.append(tableOf(`Impact of ${enforcement.id} per receiving account`,
      ['Receiving account', 'Followers before', 'Followers after', 'Follower change', 'Likes removed', 'Comments removed'], rows, 'impact-table'));
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

/** A horizontal bar chart, followers before and after, for the most affected receivers. */
function impactChart(enforcement, sorted) {
  const shown = sorted.slice(0, CHART_MAX_BARS);
  const max = Math.max(1, ...shown.map((r) => r.followersBefore));
  const labelWidth = 170;
  const valueWidth = 150;
  const barArea = 360;
  const rowHeight = 34;
  const top = 8;
  const width = labelWidth + barArea + valueWidth;
  const height = top + shown.length * rowHeight + 4;
  const titleId = `impact-chart-title-${enforcement.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const descId = `${titleId}-desc`;
  const summary = `Bar chart of followers before and after enforcement ${enforcement.id}, for the ${shown.length} most affected of `
    + `${sorted.length} receiving accounts. `
    + shown.slice(0, 5).map((r) => `${r.accountId}: ${r.followersBefore} before, ${r.followersAfter} after`).join('; ')
    + (shown.length > 5 ? '; the table below lists every account.' : '.');

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    'data-testid': 'impact-chart', class: 'chart', preserveAspectRatio: 'xMinYMin meet',
  },
  svg('title', { id: titleId }, `Followers before and after, per receiving account (${shown.length} of ${sorted.length})`),
  svg('desc', { id: descId }, summary));

  shown.forEach((r, i) => {
    const y = top + i * rowHeight;
    const before = Math.max(1, Math.round((r.followersBefore / max) * barArea));
    const after = Math.round((r.followersAfter / max) * barArea);
    const name = r.accountId.length > 22 ? `${r.accountId.slice(0, 21)}…` : r.accountId;
    chart.append(svg('g', { 'data-testid': 'impact-bar', 'data-account-id': r.accountId },
      svg('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, name),
      svg('rect', { x: labelWidth, y: y + 4, width: before, height: 11, class: 'bar-before' }),
      svg('rect', { x: labelWidth, y: y + 17, width: Math.max(after, r.followersAfter > 0 ? 1 : 0), height: 11, class: 'bar-after' }),
      svg('text', { x: labelWidth + barArea + 8, y: y + 17, class: 'chart-value' },
        `${formatNumber(r.followersBefore, locale)} → ${formatNumber(r.followersAfter, locale)} (−${percent(lossShare(r))})`)));
  });
  chart.append(svg('line', { x1: labelWidth, x2: labelWidth, y1: 0, y2: height, class: 'chart-axis' }));

  return h('figure', { className: 'chart-figure' },
    h('div', { className: 'legend', attrs: { 'aria-hidden': 'true' } },
      h('span', { className: 'legend-item' }, h('span', { className: 'swatch swatch-before' }), 'Followers before'),
      h('span', { className: 'legend-item' }, h('span', { className: 'swatch swatch-after' }), 'Followers after')),
    chart,
    h('figcaption', { className: 'small muted', dataset: { testid: 'impact-chart-caption' } },
      sorted.length > shown.length
        ? `The ${shown.length} receiving accounts that lose the largest share of their followers; the table lists all ${sorted.length}.`
        : 'Every receiving account; the table below has the same numbers.'));
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
  body.setAttribute('aria-busy', 'true');
  clear(body).append(h('p', { className: 'muted' }, 'Loading…'));
  const [account, enforcements, messages] = await Promise.allSettled([
    call(`/accounts/${seg(accountId)}`),
    call(`/enforcements${query({ accountId })}`),
    call(`/accounts/${seg(accountId)}/notifications${query({ page: 0, size: 50 })}`,
      { headers: { 'Accept-Language': acceptLanguageFrom(browserLanguages()) } }),
  ]);
  body.removeAttribute('aria-busy');
  if (currentAccount !== accountId) {
    return;
  }
  if ([account, enforcements, messages].some((r) => r.status === 'rejected' && isSignedOutError(r.reason))) {
    return;
  }
  clear(body);
  body.dataset.accountId = accountId;
  if (account.status === 'rejected') {
    const e = account.reason;
    body.append(e instanceof ApiError && e.status === 404
      ? h('p', { className: 'empty', dataset: { testid: 'account-unknown' } }, `No account “${accountId}” is known to the suite.`)
      : errorNote('Could not load the account', e));
  } else {
    body.append(accountDetails(account.value));
  }
  body.append(h('h3', {}, 'Timeline'));
  body.append(timeline(enforcements, messages));
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
  const instant = (iso) => {
    const ms = Date.parse(iso || '');
    return Number.isNaN(ms) ? 0 : ms;
  };
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
        h('p', {}, button('Impact', { testid: 'impact-button', ariaLabel: `Impact of enforcement ${e.id}`, onClick: () => showImpact(e) })));
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
// Wiring

function loadEverything() {
  return Promise.allSettled([loadGuard(), loadQueue(), loadEnforcements()]).then(() => routeFromHash());
}

function routeFromHash() {
  const match = /^#account\/(.+)$/.exec(window.location.hash);
  if (match && token) {
    let accountId;
    try {
      accountId = decodeURIComponent(match[1]);
    } catch {
      return;
    }
    loadAccount(accountId);
  }
}

function init() {
  $('#signin-form').addEventListener('submit', onSignIn);
  $('#signin-token').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      onSignIn(event);
    }
  });
  $('#signout').addEventListener('click', () => {
    signOut();
    announce('Signed out.');
  });
  $('#guard-refresh').addEventListener('click', loadGuard);
  $('#guard-resume').addEventListener('click', resumeGuard);
  $('#queue-refresh').addEventListener('click', loadQueue);
  $('#enforcements-refresh').addEventListener('click', loadEnforcements);
  $('#filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadEnforcements();
  });
  $('#filter-reset').addEventListener('click', () => {
    $('#filter-status').value = '';
    $('#filter-account').value = '';
    loadEnforcements();
  });
  $('#impact-close').addEventListener('click', () => {
    $('#impact').hidden = true;
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

  const saved = store.get();
  if (saved) {
    try {
      const { candidate, payload } = validateToken(saved);
      token = candidate;
      showSignedIn(payload);
      loadEverything();
      return;
    } catch (error) {
      store.clear();
      $('#signin-error').textContent = `${error.message} Please sign in again.`;
    }
  }
  showSignIn();
}

init();
