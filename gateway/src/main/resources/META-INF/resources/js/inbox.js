// The account holder's inbox: sign in with a user JWT (the account is its `sub`), list the messages
// in the browser's language (or the one chosen with the switch), mark a message read when it is
// opened, receive new messages live over the SSE stream (read with fetch, so the token can be sent),
// and appeal an enforcement a warning is about, once, with the appeal's state shown next to it.

import {
  ApiError, TokenStore, acceptLanguageFrom, apiFetch, browserLanguages, clear, describeError, formatDateTime, formatNumber, h,
  instant, openEventStream, query, seg,
} from './api.js';
import { announce, backToSignIn, checkToken, setUpSignIn, showSession, signedIn } from './session.js';

const store = new TokenStore('integrity-suite.inbox.token');
const LANG_KEY = 'integrity-suite.inbox.lang';
const PAGE_SIZE = 20;
const SUPPORTED = ['en', 'de'];
const APPEAL_MAX = 2000;
/** The messages about an applied enforcement, which the account holder may appeal. */
const APPEALABLE = new Set(['INAUTHENTIC_ACTIVITY_WARNING', 'FINAL_WARNING', 'ACCOUNT_BLOCKED']);

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
      APPEAL_DENIED: 'Appeal denied',
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
    appealQuestion: 'Think this is a mistake?',
    appealIntro: 'You can appeal once. Tell us what happened: a moderator reads every appeal.',
    appeal: 'Appeal',
    appealLabel: 'Why do you think this is a mistake?',
    appealHint: (max) => `Up to ${max} characters.`,
    appealCount: (n, max) => `${n} of ${max} characters`,
    appealSend: 'Send appeal',
    appealSending: 'Sending…',
    cancel: 'Cancel',
    appealEmpty: 'Write a few words about why first.',
    appealTooLong: (n, max) => `Your message is ${n} characters long; please shorten it to ${max}.`,
    appealSent: 'Your appeal was sent. We\'ll send you a message with the outcome.',
    appealConflict: (detail) => `This can't be appealed (again): ${detail}`,
    appealRateLimited: (wait) => (wait
      ? `You've sent as many appeals as you can for now. Please try again in ${wait}.`
      : 'You\'ve sent as many appeals as you can for now. Please try again later.'),
    duration: { seconds: (n) => `${n} ${n === 1 ? 'second' : 'seconds'}`, minutes: (n) => `${n} ${n === 1 ? 'minute' : 'minutes'}`, hours: (n) => `${n} ${n === 1 ? 'hour' : 'hours'}` },
    appealNotFound: 'We could not find this action on your account.',
    appealFailed: (detail) => `Your appeal could not be sent: ${detail}`,
    appealsFailed: (detail) => `Could not load your appeals: ${detail}`,
    yourAppeal: 'Your appeal',
    appealStates: { OPEN: 'Appeal open', GRANTED: 'Appeal granted', DENIED: 'Appeal denied' },
    appealInfo: {
      OPEN: (date) => `You appealed on ${date}. A moderator will review it, and we'll send you a message with the outcome.`,
      GRANTED: (date) => `Your appeal was granted on ${date}: we reversed the action and restored what it removed.`,
      DENIED: (date) => `Your appeal was denied on ${date}: the action stays in place.`,
    },
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
      APPEAL_DENIED: 'Einspruch abgelehnt',
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
    appealQuestion: 'Halten Sie das für einen Fehler?',
    appealIntro: 'Sie können einmal Einspruch einlegen. Schildern Sie uns, was passiert ist: Jeder Einspruch wird von einer Moderatorin oder einem Moderator gelesen.',
    appeal: 'Einspruch einlegen',
    appealLabel: 'Warum halten Sie das für einen Fehler?',
    appealHint: (max) => `Bis zu ${max} Zeichen.`,
    appealCount: (n, max) => `${n} von ${max} Zeichen`,
    appealSend: 'Einspruch senden',
    appealSending: 'Wird gesendet…',
    cancel: 'Abbrechen',
    appealEmpty: 'Schreiben Sie zuerst kurz, warum.',
    appealTooLong: (n, max) => `Ihre Nachricht ist ${n} Zeichen lang; bitte kürzen Sie sie auf ${max}.`,
    appealSent: 'Ihr Einspruch wurde gesendet. Über das Ergebnis erhalten Sie eine Nachricht.',
    appealConflict: (detail) => `Gegen diese Maßnahme ist kein (weiterer) Einspruch möglich: ${detail}`,
    appealRateLimited: (wait) => (wait
      ? `Sie haben vorerst so viele Einsprüche gesendet, wie möglich sind. Bitte versuchen Sie es in ${wait} erneut.`
      : 'Sie haben vorerst so viele Einsprüche gesendet, wie möglich sind. Bitte versuchen Sie es später erneut.'),
    duration: { seconds: (n) => `${n} ${n === 1 ? 'Sekunde' : 'Sekunden'}`, minutes: (n) => `${n} ${n === 1 ? 'Minute' : 'Minuten'}`, hours: (n) => `${n} ${n === 1 ? 'Stunde' : 'Stunden'}` },
    appealNotFound: 'Wir konnten diese Maßnahme in Ihrem Konto nicht finden.',
    appealFailed: (detail) => `Ihr Einspruch konnte nicht gesendet werden: ${detail}`,
    appealsFailed: (detail) => `Ihre Einsprüche konnten nicht geladen werden: ${detail}`,
    yourAppeal: 'Ihr Einspruch',
    appealStates: { OPEN: 'Einspruch offen', GRANTED: 'Einspruch stattgegeben', DENIED: 'Einspruch abgelehnt' },
    appealInfo: {
      OPEN: (date) => `Sie haben am ${date} Einspruch eingelegt. Eine Moderatorin oder ein Moderator prüft ihn; über das Ergebnis erhalten Sie eine Nachricht.`,
      GRANTED: (date) => `Ihrem Einspruch wurde am ${date} stattgegeben: Wir haben die Maßnahme zurückgenommen und wiederhergestellt, was sie entfernt hatte.`,
      DENIED: (date) => `Ihr Einspruch wurde am ${date} abgelehnt: Die Maßnahme bleibt bestehen.`,
    },
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
  appeals: new Map(), // enforcementId -> the newest appeal of it
  appealsLoaded: false, // until the appeals are known (or could not be), no Appeal button shows
  appealsFailed: false,
  drafts: new Map(), // message id -> { text, error, sending }: an appeal being written
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
// Session

function validateToken(raw) {
  const s = t();
  return checkToken(raw, 'user', {
    empty: s.needToken, unreadable: s.tokenInvalid, expired: s.expired, wrongRole: (groups) => s.wrongRole(groups.join(', ') || '–'),
    noSubject: s.noSubject,
  });
}

function startSession(candidate, payload) {
  state.token = candidate;
  state.accountId = String(payload.sub);
  showSession(state.accountId);
  restart();
}

function signOut(message) {
  stopStream();
  state.generation += 1;
  state.token = null;
  state.accountId = null;
  state.drafts.clear();
  store.clear();
  setLiveState('idle');
  backToSignIn(message);
}

/** The API as the signed-in account, in the reader's language; a 401 signs out. */
const call = signedIn(apiFetch, {
  token: () => state.token,
  headers: () => ({ 'Accept-Language': acceptLanguage() }),
  unauthorized: () => signOut(t().unauthorized),
});

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
  state.appeals = new Map();
  state.appealsLoaded = false;
  state.appealsFailed = false;
  for (const draft of state.drafts.values()) {
    draft.error = ''; // in the language it was shown in; the text typed is kept
    draft.sending = false;
  }
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
    if (page === 0) {
      loadAppeals(); // the first page changes when something happened: an appeal may have been decided
    }
    if (page >= state.page) {
      state.page = page;
      $('#more').hidden = list.length < PAGE_SIZE;
    }
  } catch (error) {
    if (generation !== state.generation || (error instanceof ApiError && error.status === 401)) {
      return;
    }
    if (page === 0 && state.messages.size === 0) {
      clear($('#messages-body')).append(h('p', { className: 'error-note', dataset: { testid: 'messages-error' } }, t().loadFailed(describeError(error))));
    } else {
      announce(t().loadFailed(describeError(error)), 'error');
    }
  }
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
  if (state.nodes.has(message.id)) {
    rerender(message.id);
  } else {
    const node = messageNode(message, false);
    const created = instant(message.createdAt);
    const before = Array.from(list.children).find((li) => instant(li.dataset.createdAt) < created);
    list.insertBefore(node, before || null);
    state.nodes.set(message.id, node);
  }
  updateEmptyState();
  return !known;
}

/**
 * Draws a known message again (it changed, or its appeal did), keeping it open if it was and
 * keeping the reader's place: focus goes back to the same control (or to `focus`, a test id).
 */
function rerender(id, { focus = null } = {}) {
  const message = state.messages.get(id);
  const old = state.nodes.get(id);
  if (!message || !old) {
    return;
  }
  const wasOpen = old.querySelector('details').open;
  const focused = focus || (old.contains(document.activeElement) ? document.activeElement.dataset.testid : null);
  const node = messageNode(message, wasOpen);
  old.replaceWith(node);
  state.nodes.set(id, node);
  const again = focused ? node.querySelector(`[data-testid="${focused}"]`) : null;
  if (again) {
    again.focus();
  }
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
        m.rescindedAt ? badge(s.rescinded, 'rescinded', 'rescinded-badge') : null,
        appealBadge(m)))),
    h('div', { className: 'message-content' },
      m.rescindedAt ? h('p', { className: 'note', dataset: { testid: 'rescinded-note' } }, s.rescindedNote) : null,
      m.resolvedAt ? h('p', { className: 'note note-ok', dataset: { testid: 'resolved-note' } }, s.resolvedNote) : null,
      h('p', { className: 'message-body', dataset: { testid: 'message-body' } }, m.body || ''),
      m.apps && m.apps.length
        ? h('div', { className: 'message-apps' }, h('h3', { className: 'small-heading' }, s.appsConcerned),
          h('ul', { dataset: { testid: 'message-apps' } }, m.apps.map((app) => h('li', {}, h('code', {}, app)))))
        : null,
      isWarning ? actionsFor(m) : null,
      APPEALABLE.has(m.kind) ? appealBox(m) : null));
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

// ---------------------------------------------------------------------------------------------
// Appeals

function appealOf(m) {
  return m && m.enforcementId ? state.appeals.get(m.enforcementId) || null : null;
}

function canAppeal(m) {
  return APPEALABLE.has(m.kind) && Boolean(m.enforcementId) && !m.rescindedAt && state.appealsLoaded && !appealOf(m);
}

function appealBadge(m) {
  const appeal = appealOf(m);
  if (!appeal) {
    return null;
  }
  const status = String(appeal.status || 'OPEN');
  return h('span', {
    className: `badge badge-appeal-${status.toLowerCase()}`,
    dataset: { testid: 'appeal-state', status },
  }, t().appealStates[status] || status);
}

function appealBox(m) {
  const s = t();
  const appeal = appealOf(m);
  if (appeal) {
    const status = String(appeal.status || 'OPEN');
    const when = formatDateTime(status === 'OPEN' ? appeal.createdAt : appeal.decidedAt || appeal.createdAt, state.lang);
    const info = s.appealInfo[status];
    return h('div', { className: 'appeal-box', dataset: { testid: 'appeal-box', status } },
      h('h3', { className: 'small-heading' }, s.yourAppeal),
      h('p', { attrs: { tabindex: '-1' }, dataset: { testid: 'appeal-info', status } }, info ? info(when) : status),
      appeal.message ? h('p', { className: 'appeal-sent message-body', dataset: { testid: 'appeal-sent-message' } }, appeal.message) : null);
  }
  if (!canAppeal(m)) {
    return null;
  }
  const draft = state.drafts.get(m.id);
  return h('div', { className: 'appeal-box', dataset: { testid: 'appeal-box', status: 'NONE' } },
    h('h3', { className: 'small-heading' }, s.appealQuestion),
    draft ? appealForm(m, draft) : [
      h('p', { className: 'small' }, s.appealIntro),
      h('button', {
        type: 'button', className: 'button button-secondary', dataset: { testid: 'appeal-button' },
        on: { click: () => openAppealForm(m.id) },
      }, s.appeal),
    ]);
}

function openAppealForm(id) {
  state.drafts.set(id, { text: '', error: '', sending: false });
  rerender(id, { focus: 'appeal-message' });
}

function appealForm(m, draft) {
  const s = t();
  const base = `appeal-${m.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const ids = { field: `${base}-text`, hint: `${base}-hint`, count: `${base}-count`, error: `${base}-error` };
  const max = formatNumber(APPEAL_MAX, state.lang);
  const count = h('p', { id: ids.count, className: 'char-count small muted' });
  const showCount = () => {
    count.textContent = s.appealCount(formatNumber(area.value.length, state.lang), max);
  };
  const area = h('textarea', {
    id: ids.field, rows: 5, maxLength: APPEAL_MAX, required: true, value: draft.text, disabled: draft.sending,
    attrs: { 'aria-describedby': `${ids.hint} ${ids.count} ${ids.error}`, 'aria-invalid': draft.error ? 'true' : null },
    dataset: { testid: 'appeal-message' },
    on: {
      input: () => {
        draft.text = area.value;
        showCount();
      },
    },
  });
  showCount();
  const form = h('form', { className: 'appeal-form', noValidate: true, dataset: { testid: 'appeal-form' } },
    h('label', { htmlFor: ids.field }, s.appealLabel),
    h('p', { id: ids.hint, className: 'hint small' }, s.appealHint(max)),
    area,
    count,
    h('p', { id: ids.error, className: 'field-error', dataset: { testid: 'appeal-error' } }, draft.error || ''),
    h('div', { className: 'button-row' },
      h('button', { type: 'submit', className: 'button button-primary', disabled: draft.sending, dataset: { testid: 'appeal-submit' } },
        draft.sending ? s.appealSending : s.appealSend),
      h('button', {
        type: 'button', className: 'button button-secondary', disabled: draft.sending, dataset: { testid: 'appeal-cancel' },
        on: {
          click: () => {
            state.drafts.delete(m.id);
            rerender(m.id, { focus: 'appeal-button' });
          },
        },
      }, s.cancel)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitAppeal(m.id);
  });
  return form;
}

async function submitAppeal(id) {
  const s = t();
  const m = state.messages.get(id);
  const draft = state.drafts.get(id);
  if (!m || !draft || draft.sending) {
    return;
  }
  const text = draft.text.trim();
  if (!text || text.length > APPEAL_MAX) {
    draft.error = text ? s.appealTooLong(formatNumber(text.length, state.lang), formatNumber(APPEAL_MAX, state.lang)) : s.appealEmpty;
    rerender(id, { focus: 'appeal-message' });
    return;
  }
  draft.error = '';
  draft.sending = true;
  rerender(id);
  const generation = state.generation;
  try {
    const appeal = await call(`/accounts/${seg(state.accountId)}/appeals`, { method: 'POST', body: { enforcementId: m.enforcementId, message: text } });
    if (generation !== state.generation) {
      return;
    }
    state.drafts.delete(id);
    state.appeals.set(m.enforcementId, appeal && appeal.status
      ? appeal
      : { enforcementId: m.enforcementId, status: 'OPEN', message: text, createdAt: new Date().toISOString() });
    rerender(id, { focus: 'appeal-info' });
    announce(s.appealSent, 'success');
  } catch (error) {
    if (generation !== state.generation || (error instanceof ApiError && error.status === 401)) {
      return;
    }
    draft.sending = false;
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 409) {
      draft.error = s.appealConflict(describeError(error));
      loadAppeals(); // an appeal may exist already (sent from elsewhere): then its state shows instead
    } else if (status === 429) {
      draft.error = s.appealRateLimited(waitText(error.retryAfter));
    } else if (status === 404) {
      draft.error = s.appealNotFound;
    } else {
      draft.error = s.appealFailed(describeError(error));
    }
    rerender(id, { focus: 'appeal-message' });
    announce(draft.error, 'error');
  }
}

/** A Retry-After in seconds, in words ("12 seconds", "5 minutes", "24 hours"); null when unknown. */
function waitText(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) {
    return null;
  }
  const d = t().duration;
  const n = Math.max(1, Math.ceil(Number(seconds)));
  if (n < 120) {
    return d.seconds(n);
  }
  if (n < 2 * 3600) {
    return d.minutes(Math.ceil(n / 60));
  }
  return d.hours(Math.ceil(n / 3600));
}

/** The account's appeals (newest first): the newest per enforcement is the one shown. */
async function loadAppeals() {
  const generation = state.generation;
  const wasLoaded = state.appealsLoaded;
  try {
    const list = await call(`/accounts/${seg(state.accountId)}/appeals`) || [];
    if (generation !== state.generation) {
      return;
    }
    const before = state.appeals;
    const next = new Map();
    for (const appeal of list) {
      if (appeal && appeal.enforcementId && !next.has(appeal.enforcementId)) {
        next.set(appeal.enforcementId, appeal);
      }
    }
    state.appeals = next;
    state.appealsLoaded = true;
    state.appealsFailed = false;
    for (const [id, m] of state.messages) {
      if (m.enforcementId && (!wasLoaded || JSON.stringify(before.get(m.enforcementId)) !== JSON.stringify(next.get(m.enforcementId)))) {
        rerender(id);
      }
    }
  } catch (error) {
    if (generation !== state.generation || (error instanceof ApiError && error.status === 401)) {
      return;
    }
    state.appealsLoaded = true; // appealing still works; the server refuses a second appeal
    if (!wasLoaded) {
      for (const [id, m] of state.messages) {
        if (m.enforcementId) {
          rerender(id);
        }
      }
    }
    if (!state.appealsFailed) {
      state.appealsFailed = true;
      announce(t().appealsFailed(describeError(error)), 'error');
    }
  }
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
      announce(t().markFailed(describeError(error)), 'error');
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
  $('#more').addEventListener('click', () => loadPage(state.page + 1));
  window.addEventListener('hashchange', focusPanel);
  window.addEventListener('pagehide', stopStream);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && state.token) {
      restart(); // back from the back/forward cache: the stream was closed
    }
  });

  const resumed = setUpSignIn({
    store,
    check: validateToken,
    start: startSession,
    welcome: (payload) => {
      announce(t().signedIn(payload.sub), 'success');
      $('#messages-heading').focus();
    },
    signOut: () => {
      signOut();
      announce(t().signedOut);
    },
  });
  if (!resumed) {
    $('#signin').hidden = false;
  }
}

init();
