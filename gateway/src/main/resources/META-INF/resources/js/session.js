// What the console and the inbox do alike around a signed-in session: the pasted token is checked for
// display (the gateway verifies it), kept in this tab and resumed on a reload; API calls carry it, and
// a 401 ends the session. Both pages have the same ids for the sign-in form (#signin, #signin-form,
// #signin-token, #signin-error), the session (#app, #session, #session-user, #signout) and the polite
// live region (#status).

import { ApiError, announceIn, cleanToken, decodeJwt, groupsOf, isExpired } from './api.js';

const $ = (selector) => document.querySelector(selector);

/** Says something in the page's polite live region. */
export function announce(message, tone = 'info') {
  announceIn($('#status'), message, tone);
}

/**
 * The pasted token and its payload, if it is an unexpired JWT with the role; else throws an Error
 * worded by `words`: empty, expired, wrongRole(groups), unreadable (else the decoder's own message)
 * and, for a page that needs an account, noSubject.
 */
export function checkToken(raw, role, words) {
  const candidate = cleanToken(raw);
  if (!candidate) {
    throw new Error(words.empty);
  }
  let payload;
  try {
    payload = decodeJwt(candidate);
  } catch (error) {
    throw words.unreadable ? new Error(words.unreadable) : error;
  }
  if (isExpired(payload)) {
    throw new Error(words.expired);
  }
  const groups = groupsOf(payload);
  if (!groups.includes(role)) {
    throw new Error(words.wrongRole(groups));
  }
  if (words.noSubject && !payload.sub) {
    throw new Error(words.noSubject);
  }
  return { candidate, payload };
}

/**
 * Wires the sign-in form (Ctrl or Cmd+Enter in the token field submits it too) and the sign-out
 * button, then resumes the session this tab kept. check(raw) gives { candidate, payload } or throws
 * why not; start(candidate, payload) opens a session; welcome(payload) follows a sign-in by hand. A
 * kept token that no longer passes is forgotten, and the form says why (resumeError(error)). Returns
 * whether a session was resumed.
 */
export function setUpSignIn({ store, check, start, welcome, signOut, resumeError = (error) => error.message }) {
  const field = $('#signin-token');
  const errorLine = $('#signin-error');
  const submit = (event) => {
    event.preventDefault();
    try {
      const { candidate, payload } = check(field.value);
      errorLine.textContent = '';
      field.removeAttribute('aria-invalid');
      store.set(candidate);
      start(candidate, payload);
      welcome(payload);
    } catch (error) {
      errorLine.textContent = error.message;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  };
  $('#signin-form').addEventListener('submit', submit);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      submit(event);
    }
  });
  $('#signout').addEventListener('click', signOut);
  const saved = store.get();
  if (saved) {
    try {
      const { candidate, payload } = check(saved);
      start(candidate, payload);
      return true;
    } catch (error) {
      store.clear();
      errorLine.textContent = resumeError(error);
    }
  }
  return false;
}

/**
 * Shows the signed-in page with `who` as its user, or (who null) the sign-in form; `extra` elements
 * show only while signed in, like #app and #session.
 */
export function showSession(who, extra = []) {
  $('#signin').hidden = who !== null;
  for (const el of [$('#app'), $('#session'), ...extra]) {
    el.hidden = who === null;
  }
  if (who !== null) {
    $('#session-user').textContent = who;
  }
}

/** Back to the sign-in form, its field empty and focused; the reason, if any, under it and announced. */
export function backToSignIn(message, extra = []) {
  showSession(null, extra);
  const field = $('#signin-token');
  field.value = '';
  if (message) {
    $('#signin-error').textContent = message;
    announce(message, 'error');
  }
  field.focus();
}

/**
 * fetcher (apiFetch or apiFetchPage) as the signed-in user: with token() and headers() (a call's own
 * headers win); a 401 calls unauthorized() (it signs out) before the error goes on to the caller.
 */
export function signedIn(fetcher, { token, headers = () => ({}), unauthorized }) {
  return async (path, options = {}) => {
    try {
      return await fetcher(path, { ...options, token: token(), headers: { ...headers(), ...(options.headers || {}) } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        unauthorized();
      }
      throw error;
    }
  };
}
