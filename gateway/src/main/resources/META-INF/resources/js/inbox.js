// The account holder's inbox: sign in with a user JWT (the account is its `sub`), list the messages
// in the browser's language (or the one chosen with the switch), mark a message read when it is
// opened, and receive new messages live over the SSE stream (read with fetch, so the token can be sent).

import {
  ApiError, TokenStore, acceptLanguageFrom, announceIn, apiFetch, browserLanguages, cleanToken, clear,
  decodeJwt, formatDateTime, groupsOf, h, isExpired, openEventStream, query, seg,
} from './api.js';

const store = new TokenStore('integrity-suite.inbox.token');
const LANG_KEY = 'integrity-suite.inbox.lang';
const PAGE_SIZE = 20;
const SUPPORTED = ['en', 'de'];

const STRINGS = {
  en: {
    skip: 'Skip to main content',
    brandSub: 'Messages about your account',
    language: 'Language',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signInHeading: 'Sign in to read your messages',
    tokenLabel: 'Your access token',
    tokenHint: 'Paste the token for your account. On a development machine: ./suite token user ACCOUNT_ID. It stays in this browser tab only.',
    signIn: 'Sign in',
    messagesHeading: 'Your messages',
    loading: 'Loading…',
    older: 'Show older messages',
    cpHeading: 'Change your password',
    cpText1: 'A new password locks out any app or person that knows your old one.',
    cpStep1: 'Open the app\'s settings and choose Security, then Password.',
    cpStep2: 'Pick a new password that you don\'t use anywhere else.',
    cpStep3: 'Sign out of devices you don\'t recognize.',
    settingsElsewhere: 'Your account settings are in the app itself; this page only explains the steps.',
    back: 'Back to your messages',
    caHeading: 'Review your connected apps',
    caText1: 'Apps you connected can act for you. Disconnect the ones that follow, like or comment automatically.',
    caStep1: 'Open the app\'s settings and choose Security, then Connected apps.',
    caStep2: 'Remove every app named in our message, and any app you don\'t recognize.',
    caResolve: 'Once you\'ve changed your password and disconnected the apps we named, the warning is marked as resolved.',
    footer: 'Questions about a message? Contact support from the app\'s help section.',
    appsNamed: (apps) => `Apps named in the message: ${apps}.`,
    empty: 'You have no messages. That\'s good news.',
    unread: 'New',
    read: 'Read',
    resolved: 'Resolved',
    resolvedNote: 'You\'ve completed the steps: this warning is resolved.',
    rescinded: 'Withdrawn',
    rescindedNote: 'We reversed the action this message was about, so it no longer applies.',
    appsConcerned: 'Apps concerned',
    whatToDo: 'What to do',
    changePassword: 'Change password',
    reviewApps: 'Review connected apps',
    kinds: {
      INAUTHENTIC_ACTIVITY_WARNING: 'Warning',
      FINAL_WARNING: 'Final warning',
      ACCOUNT_BLOCKED: 'Account blocked',
      ENFORCEMENT_REVERSED: 'Action reversed',
    },
    live: {
      idle: '',
      connecting: 'Connecting to live updates…',
      connected: 'Live updates on',
      reconnecting: 'Live updates interrupted, reconnecting…',
      denied: 'Live updates are not available for this sign-in.',
    },
    newMessage: (title) => `New message: ${title}`,
    signedIn: (who) => `Signed in as ${who}.`,
    signedOut: 'Signed out.',
    needToken: 'Paste your token first.',
    expired: 'This token has expired. Ask for a fresh one and sign in again.',
    wrongRole: (roles) => `This token's role is ${roles}; the inbox needs the token of an account (role user).`,
    noSubject: 'This token names no account (no "sub" claim).',
    unauthorized: 'Your sign-in was not accepted or has expired. Please sign in again.',
    loadFailed: (detail) => `Could not load your messages: ${detail}`,
    markFailed: (detail) => `Could not mark the message as read: ${detail}`,
    languageChanged: 'Messages are now shown in English.',
    tokenInvalid: 'This doesn\'t look like a token: it should be three parts separated by dots.',
  },
  de: {
    skip: 'Zum Hauptinhalt springen',
    brandSub: 'Nachrichten zu Ihrem Konto',
    language: 'Sprache',
    signedInAs: 'Angemeldet als',
    signOut: 'Abmelden',
    signInHeading: 'Anmelden, um Ihre Nachrichten zu lesen',
    tokenLabel: 'Ihr Zugangstoken',
    tokenHint: 'Fügen Sie das Token Ihres Kontos ein. Auf einem Entwicklungsrechner: ./suite token user KONTO_ID. Es bleibt nur in diesem Browser-Tab.',
    signIn: 'Anmelden',
    messagesHeading: 'Ihre Nachrichten',
    loading: 'Wird geladen…',
    older: 'Ältere Nachrichten anzeigen',
    cpHeading: 'Ändern Sie Ihr Passwort',
    cpText1: 'Ein neues Passwort sperrt jede App und jede Person aus, die Ihr altes kennt.',
    cpStep1: 'Öffnen Sie die Einstellungen der App und wählen Sie Sicherheit, dann Passwort.',
    cpStep2: 'Wählen Sie ein neues Passwort, das Sie nirgendwo sonst verwenden.',
    cpStep3: 'Melden Sie sich auf Geräten ab, die Sie nicht kennen.',
    settingsElsewhere: 'Ihre Kontoeinstellungen finden Sie in der App selbst; diese Seite erklärt nur die Schritte.',
    back: 'Zurück zu Ihren Nachrichten',
    caHeading: 'Prüfen Sie Ihre verbundenen Apps',
    caText1: 'Verbundene Apps können in Ihrem Namen handeln. Trennen Sie die Apps, die automatisch abonnieren, liken oder kommentieren.',
    caStep1: 'Öffnen Sie die Einstellungen der App und wählen Sie Sicherheit, dann Verbundene Apps.',
    caStep2: 'Entfernen Sie jede in unserer Nachricht genannte App und alle Apps, die Sie nicht kennen.',
    caResolve: 'Sobald Sie Ihr Passwort geändert und die genannten Apps getrennt haben, gilt die Warnung als erledigt.',
    footer: 'Fragen zu einer Nachricht? Wenden Sie sich über den Hilfebereich der App an den Support.',
    appsNamed: (apps) => `In der Nachricht genannte Apps: ${apps}.`,
    empty: 'Sie haben keine Nachrichten. Das ist eine gute Nachricht.',
    unread: 'Neu',
    read: 'Gelesen',
    resolved: 'Erledigt',
    resolvedNote: 'Sie haben die Schritte erledigt: Diese Warnung ist abgeschlossen.',
    rescinded: 'Zurückgenommen',
    rescindedNote: 'Wir haben die Maßnahme, um die es in dieser Nachricht ging, rückgängig gemacht. Sie gilt nicht mehr.',
    appsConcerned: 'Betroffene Apps',
    whatToDo: 'Was Sie tun können',
    changePassword: 'Passwort ändern',
    reviewApps: 'Verbundene Apps prüfen',
    kinds: {
      INAUTHENTIC_ACTIVITY_WARNING: 'Warnung',
      FINAL_WARNING: 'Letzte Warnung',
      ACCOUNT_BLOCKED: 'Konto gesperrt',
      ENFORCEMENT_REVERSED: 'Maßnahme zurückgenommen',
    },
    live: {
      idle: '',
      connecting: 'Verbindung für Live-Aktualisierungen wird aufgebaut…',
      connected: 'Live-Aktualisierungen aktiv',
      reconnecting: 'Live-Aktualisierungen unterbrochen, neuer Versuch…',
      denied: 'Live-Aktualisierungen sind für diese Anmeldung nicht verfügbar.',
    },
    newMessage: (title) => `Neue Nachricht: ${title}`,
    signedIn: (who) => `Angemeldet als ${who}.`,
    signedOut: 'Abgemeldet.',
    needToken: 'Fügen Sie zuerst Ihr Token ein.',
    expired: 'Dieses Token ist abgelaufen. Fordern Sie ein neues an und melden Sie sich erneut an.',
    wrongRole: (roles) => `Die Rolle dieses Tokens ist ${roles}; der Posteingang braucht das Token eines Kontos (Rolle user).`,
    noSubject: 'Dieses Token nennt kein Konto (kein „sub“-Claim).',
    unauthorized: 'Ihre Anmeldung wurde nicht akzeptiert oder ist abgelaufen. Bitte melden Sie sich erneut an.',
    loadFailed: (detail) => `Ihre Nachrichten konnten nicht geladen werden: ${detail}`,
    markFailed: (detail) => `Die Nachricht konnte nicht als gelesen markiert werden: ${detail}`,
    languageChanged: 'Nachrichten werden jetzt auf Deutsch angezeigt.',
    tokenInvalid: 'Das sieht nicht nach einem Token aus: Es besteht aus drei durch Punkte getrennten Teilen.',
  },
};

const state = {
  token: null,
  accountId: null,
  lang: 'en',
  explicitLang: null,
  messages: new Map(), // id -> message
  nodes: new Map(), // id -> <li>
  page: 0,
  stream: null,
  liveState: 'idle',
  generation: 0, // bumps on sign-out and language change, so stale answers are dropped
};

const $ = (selector) => document.querySelector(selector);
const t = () => STRINGS[state.lang];

// ---------------------------------------------------------------------------------------------
// Language

function uiLanguageFor(languages) {
  for (const tag of languages) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (SUPPORTED.includes(base)) {
      return base;
    }
  }
  return 'en';
}

function acceptLanguage() {
  if (state.explicitLang) {
    return state.explicitLang === 'en' ? 'en' : `${state.explicitLang}, en;q=0.5`;
  }
  return acceptLanguageFrom(browserLanguages());
}

function applyStaticStrings() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const value = t()[el.dataset.i18n];
    if (typeof value === 'string') {
      el.textContent = value;
    }
  }
  document.title = `${t().messagesHeading} · Integrity Suite`;
  $('#lang').value = state.lang;
  setLiveState(state.liveState);
}

function chooseLanguage(lang) {
  state.explicitLang = lang;
  state.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered across visits; fine
  }
  applyStaticStrings();
  announce(t().languageChanged);
  if (state.token) {
    restart();
  }
}

// ---------------------------------------------------------------------------------------------
// Status and session

function announce(message, tone = 'info') {
  announceIn($('#status'), message, tone);
}

function describe(error) {
  if (error instanceof ApiError) {
    return error.detail || error.title;
  }
  return error && error.message ? error.message : String(error);
}

function validateToken(raw) {
  const candidate = cleanToken(raw);
  if (!candidate) {
    throw new Error(t().needToken);
  }
  let payload;
  try {
    payload = decodeJwt(candidate);
  } catch {
    throw new Error(t().tokenInvalid);
  }
  if (isExpired(payload)) {
    throw new Error(t().expired);
  }
  const groups = groupsOf(payload);
  if (!groups.includes('user')) {
    throw new Error(t().wrongRole(groups.join(', ') || '–'));
  }
  if (!payload.sub) {
    throw new Error(t().noSubject);
  }
  return { candidate, payload };
}

function startSession(candidate, payload) {
  state.token = candidate;
  state.accountId = String(payload.sub);
  $('#signin').hidden = true;
  $('#app').hidden = false;
  $('#session').hidden = false;
  $('#session-user').textContent = state.accountId;
  restart();
}

function signOut(message) {
  stopStream();
  state.generation += 1;
  state.token = null;
  state.accountId = null;
  store.clear();
  $('#app').hidden = true;
  $('#session').hidden = true;
  $('#signin').hidden = false;
  $('#signin-token').value = '';
  if (message) {
    $('#signin-error').textContent = message;
    announce(message, 'error');
  }
  setLiveState('idle');
  $('#signin-token').focus();
}

function onSignIn(event) {
  event.preventDefault();
  const field = $('#signin-token');
  try {
    const { candidate, payload } = validateToken(field.value);
    $('#signin-error').textContent = '';
    field.removeAttribute('aria-invalid');
    store.set(candidate);
    startSession(candidate, payload);
    announce(t().signedIn(payload.sub), 'success');
    $('#messages-heading').focus();
  } catch (error) {
    $('#signin-error').textContent = error.message;
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

async function call(path, options = {}) {
  try {
    return await apiFetch(path, { ...options, token: state.token, headers: { 'Accept-Language': acceptLanguage(), ...(options.headers || {}) } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut(t().unauthorized);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

function listElement() {
  let list = $('#message-list');
  if (!list) {
    const body = clear($('#messages-body'));
    list = h('ol', { id: 'message-list', className: 'message-list', dataset: { testid: 'message-list' } });
    body.append(h('p', { id: 'messages-empty', className: 'empty', dataset: { testid: 'messages-empty' }, hidden: true }, t().empty), list);
  }
  return list;
}

function updateEmptyState() {
  const empty = $('#messages-empty');
  if (empty) {
    empty.hidden = state.messages.size > 0;
  }
}

function restart() {
  stopStream();
  state.generation += 1;
  state.messages.clear();
  state.nodes.clear();
  state.page = 0;
  clear($('#messages-body')).append(h('p', { className: 'muted' }, t().loading));
  $('#more').hidden = true;
  loadPage(0).then(() => startStream());
}

async function loadPage(page) {
  const generation = state.generation;
  try {
    const list = await call(`/accounts/${seg(state.accountId)}/notifications${query({ page, size: PAGE_SIZE })}`) || [];
    if (generation !== state.generation) {
      return;
    }
    listElement();
    for (const message of list) {
      upsert(message);
    }
    updateEmptyState();
    if (page >= state.page) {
      state.page = page;
      $('#more').hidden = list.length < PAGE_SIZE;
    }
  } catch (error) {
    if (generation !== state.generation || (error instanceof ApiError && error.status === 401)) {
      return;
    }
    if (page === 0 && state.messages.size === 0) {
      clear($('#messages-body')).append(h('p', { className: 'error-note', dataset: { testid: 'messages-error' } }, t().loadFailed(describe(error))));
    } else {
      announce(t().loadFailed(describe(error)), 'error');
    }
  }
}

function instant(iso) {
  const ms = Date.parse(iso || '');
  return Number.isNaN(ms) ? 0 : ms;
}

function sameMessage(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Adds or updates a message in place, keeping the list newest first and an open message open. */
function upsert(message) {
  if (!message || !message.id) {
    return false;
  }
  const known = state.messages.get(message.id);
  if (known && sameMessage(known, message)) {
    return false;
  }
  state.messages.set(message.id, message);
  const list = listElement();
  const old = state.nodes.get(message.id);
  const wasOpen = old ? old.querySelector('details').open : false;
  const node = messageNode(message, wasOpen);
  if (old) {
    // Keep the reader's place: focus goes back to the same control in the new node.
    const focused = old.contains(document.activeElement) ? document.activeElement.dataset.testid : null;
    old.replaceWith(node);
    const again = focused ? node.querySelector(`[data-testid="${focused}"]`) : null;
    if (again) {
      again.focus();
    }
  } else {
    const created = instant(message.createdAt);
    const before = Array.from(list.children).find((li) => instant(li.dataset.createdAt) < created);
    list.insertBefore(node, before || null);
  }
  state.nodes.set(message.id, node);
  updateEmptyState();
  return !known;
}

function badge(text, kind, testid) {
  return h('span', { className: `badge badge-${kind}`, dataset: { testid } }, text);
}

function messageNode(m, open) {
  const s = t();
  const titleId = `message-title-${m.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  // A rescinded warning no longer asks for anything.
  const isWarning = m.actions && m.actions.length > 0 && !m.rescindedAt;
  const details = h('details', { className: 'message-details', open, dataset: { testid: 'message-details' } },
    h('summary', { dataset: { testid: 'message-summary' } }, h('span', { className: 'summary-text' },
      h('span', { className: 'message-line' },
        badge(s.kinds[m.kind] || m.kind, `kind-${String(m.kind || '').toLowerCase().replace(/_/g, '-')}`, 'message-kind'),
        h('span', { className: 'message-title', id: titleId, dataset: { testid: 'message-title' } }, m.title || '')),
      h('span', { className: 'message-meta small' },
        h('time', { dateTime: m.createdAt || '', title: m.createdAt || '' }, formatDateTime(m.createdAt, state.lang)),
        m.readAt
          ? h('span', { className: 'read-state', dataset: { testid: 'read-state', read: 'true' } }, s.read)
          : badge(s.unread, 'new', 'read-state'),
        m.resolvedAt ? badge(s.resolved, 'resolved', 'resolved-badge') : null,
        m.rescindedAt ? badge(s.rescinded, 'rescinded', 'rescinded-badge') : null))),
    h('div', { className: 'message-content' },
      m.rescindedAt ? h('p', { className: 'note', dataset: { testid: 'rescinded-note' } }, s.rescindedNote) : null,
      m.resolvedAt ? h('p', { className: 'note note-ok', dataset: { testid: 'resolved-note' } }, s.resolvedNote) : null,
      h('p', { className: 'message-body', dataset: { testid: 'message-body' } }, m.body || ''),
      m.apps && m.apps.length
        ? h('div', { className: 'message-apps' }, h('h3', { className: 'small-heading' }, s.appsConcerned),
          h('ul', { dataset: { testid: 'message-apps' } }, m.apps.map((app) => h('li', {}, h('code', {}, app)))))
        : null,
      isWarning ? actionsFor(m) : null));
  details.addEventListener('toggle', () => {
    if (details.open) {
      markRead(m.id);
    }
  });
  return h('li', { dataset: { createdAt: m.createdAt || '' } },
    h('article', {
      className: `message${m.readAt ? '' : ' message-unread'}`,
      attrs: { 'aria-labelledby': titleId },
      dataset: { testid: 'message', id: m.id, kind: m.kind, read: m.readAt ? 'true' : 'false' },
    }, details));
}

function actionsFor(m) {
  const s = t();
  const links = [];
  if (m.actions.includes('CHANGE_PASSWORD')) {
    links.push(h('a', { className: 'button button-primary', href: '#change-password', dataset: { testid: 'action-change-password' } }, s.changePassword));
  }
  if (m.actions.includes('REVIEW_CONNECTED_APPS')) {
    links.push(h('a', {
      className: 'button button-secondary', href: '#connected-apps', dataset: { testid: 'action-connected-apps' },
      on: { click: () => { $('#connected-apps-named').textContent = m.apps && m.apps.length ? s.appsNamed(m.apps.join(', ')) : ''; } },
    }, s.reviewApps));
  }
  return h('div', { className: 'message-actions' }, h('h3', { className: 'small-heading' }, s.whatToDo), h('div', { className: 'button-row' }, links));
}

async function markRead(id) {
  const message = state.messages.get(id);
  if (!message || message.readAt || message.marking) {
    return;
  }
  message.marking = true;
  const generation = state.generation;
  try {
    await call(`/accounts/${seg(state.accountId)}/notifications/${seg(id)}/read`, { method: 'POST' });
    if (generation !== state.generation) {
      return;
    }
    const { marking, ...rest } = message;
    upsert({ ...rest, readAt: new Date().toISOString() });
  } catch (error) {
    delete message.marking;
    if (!(error instanceof ApiError && error.status === 401)) {
      announce(t().markFailed(describe(error)), 'error');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Live updates

function setLiveState(liveState) {
  state.liveState = liveState;
  const el = $('#live-state');
  el.dataset.state = liveState;
  el.textContent = t().live[liveState] || '';
}

function startStream() {
  if (!state.token || state.stream) {
    return;
  }
  const generation = state.generation;
  state.stream = openEventStream(`/accounts/${seg(state.accountId)}/notifications/stream`, {
    token: state.token,
    headers: { 'Accept-Language': acceptLanguage() },
    onState: (liveState, error) => {
      if (generation !== state.generation) {
        return;
      }
      setLiveState(liveState);
      if (liveState === 'connected') {
        // Whatever arrived while (re)connecting is in the list, not in the stream.
        loadPage(0);
      } else if (liveState === 'denied' && error && error.status === 401) {
        signOut(t().unauthorized);
      }
    },
    onEvent: (event) => {
      if (generation !== state.generation || event.type !== 'notification') {
        return;
      }
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // not a message we can show
      }
      listElement();
      if (upsert(message)) {
        announce(t().newMessage(message.title || ''));
        // A new message can change older ones (a reversal rescinds its warning): refresh the first page.
        loadPage(0);
      }
    },
  });
}

function stopStream() {
  if (state.stream) {
    state.stream.close();
    state.stream = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Help panels (#change-password, #connected-apps)

function focusPanel() {
  const id = window.location.hash.slice(1);
  if (id === 'change-password' || id === 'connected-apps') {
    const panel = document.getElementById(id);
    if (panel) {
      panel.focus();
    }
  } else if (id === 'messages') {
    $('#messages-heading').focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function init() {
  try {
    state.explicitLang = SUPPORTED.includes(localStorage.getItem(LANG_KEY)) ? localStorage.getItem(LANG_KEY) : null;
  } catch {
    state.explicitLang = null;
  }
  state.lang = state.explicitLang || uiLanguageFor(browserLanguages());
  applyStaticStrings();

  $('#lang').addEventListener('change', (event) => chooseLanguage(event.target.value));
  $('#signin-form').addEventListener('submit', onSignIn);
  $('#signin-token').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      onSignIn(event);
    }
  });
  $('#signout').addEventListener('click', () => {
    signOut();
    announce(t().signedOut);
  });
  $('#more').addEventListener('click', () => loadPage(state.page + 1));
  window.addEventListener('hashchange', focusPanel);
  window.addEventListener('pagehide', stopStream);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && state.token) {
      restart(); // back from the back/forward cache: the stream was closed
    }
  });

  const saved = store.get();
  if (saved) {
    try {
      const { candidate, payload } = validateToken(saved);
      startSession(candidate, payload);
      return;
    } catch (error) {
      store.clear();
      $('#signin-error').textContent = error.message;
    }
  }
  $('#signin').hidden = false;
}

init();
