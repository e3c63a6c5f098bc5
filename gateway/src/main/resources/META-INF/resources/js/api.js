// Shared helpers for the console and the inbox: the API client (Bearer token, problem+json errors),
// a fetch-based Server-Sent Events reader (EventSource cannot send an Authorization header),
// JWT payload decoding for display, and a tiny DOM builder that only ever creates text nodes.

export const API_BASE = '/api/v1';

/** An API failure: the problem+json `status`, `title` and `detail`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, title, detail, problem = null, retryAfter = null) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
    this.retryAfter = retryAfter; // seconds the gateway asked to wait (429, 503), or null
  }
}

/** A Retry-After value in seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
function retryAfterSeconds(value) {
  if (!value) {
    return null;
  }
  if (/^\s*\d+\s*$/.test(value)) {
    return Number(value);
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** What went wrong, for a person: the problem's detail (or title), else the error's message. */
export function describeError(error) {
  if (error instanceof ApiError) {
    return error.detail || error.title;
  }
  return error && error.message ? error.message : String(error);
}

async function problemFrom(response) {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body could not be read; the status line still says enough
  }
  let problem = null;
  if (text) {
    try {
      problem = JSON.parse(text);
    } catch {
      problem = null;
    }
  }
  const title = (problem && problem.title) || response.statusText || 'Request failed';
  let detail = problem && problem.detail;
  if (!detail) {
    detail = problem ? title : (text && text.length < 300 ? text : `The gateway answered HTTP ${response.status}.`);
  }
  return new ApiError(response.status, title, detail, problem, retryAfterSeconds(response.headers.get('Retry-After')));
}

/**
 * Calls the API. Resolves with the parsed JSON body (null for 204 or an empty body); rejects with an
 * ApiError carrying the problem's detail, or status 0 when the gateway could not be reached.
 */
export async function apiFetch(path, options = {}) {
  return (await apiRequest(path, options)).body;
}

/**
 * Like apiFetch, but resolves with { body, headers, next }: the response headers, and the API path
 * of the next page when the answer has a `Link: <…>; rel="next"` header (else null).
 */
export async function apiFetchPage(path, options = {}) {
  const { body, headers } = await apiRequest(path, options);
  return { body, headers, next: apiPathOf(parseLinkHeader(headers.get('Link')).next) };
}

async function apiRequest(path, { token, method = 'GET', headers = {}, body, signal } = {}) {
  const allHeaders = { Accept: 'application/json', ...headers };
  if (token) {
    allHeaders.Authorization = `Bearer ${token}`;
  }
  let payload;
  if (body !== undefined) {
    allHeaders['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API_BASE + path, { method, headers: allHeaders, body: payload, signal, cache: 'no-store' });
  } catch (e) {
    if (e && e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'Network error', 'The gateway could not be reached. Check that the suite is running, then try again.');
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  if (response.status === 204) {
    return { body: null, headers: response.headers };
  }
  const text = await response.text();
  if (!text) {
    return { body: null, headers: response.headers };
  }
  try {
    return { body: JSON.parse(text), headers: response.headers };
  } catch {
    throw new ApiError(response.status, 'Unreadable answer', 'The gateway sent an answer that is not JSON.');
  }
}

/**
 * The links of a `Link` header (RFC 8288) by relation type, lower-cased: { next: '/api/v1/…' }.
 * Targets are kept as written; a link with several relation types is filed under each.
 */
export function parseLinkHeader(value) {
  const links = {};
  if (!value) {
    return links;
  }
  const linkValue = /<([^>]*)>((?:\s*;\s*[^;,="\s]+\s*(?:=\s*(?:"(?:[^"\\]|\\.)*"|[^;,\s]*))?)*)/g;
  const param = /;\s*([^;,="\s]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,\s]*)))?/g;
  for (let link = linkValue.exec(value); link; link = linkValue.exec(value)) {
    for (let p = param.exec(link[2]); p; p = param.exec(link[2])) {
      if (p[1].toLowerCase() === 'rel') {
        const rels = (p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] || '')).split(/\s+/);
        for (const rel of rels) {
          if (rel && !(rel.toLowerCase() in links)) {
            links[rel.toLowerCase()] = link[1];
          }
        }
      }
    }
    param.lastIndex = 0;
  }
  return links;
}

/**
 * A link target as a path for apiFetch (without the API_BASE prefix), or null when it is missing or
 * points anywhere but this gateway's API: a page link is never followed off this origin.
 */
export function apiPathOf(target) {
  if (!target) {
    return null;
  }
  let url;
  try {
    url = new URL(target, window.location.href);
  } catch {
    return null;
  }
  if (url.origin !== window.location.origin || !url.pathname.startsWith(`${API_BASE}/`)) {
    return null;
  }
  return url.pathname.slice(API_BASE.length) + url.search;
}

/** Builds a query string from the non-empty values, with a leading '?', or '' when none. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      search.set(key, String(value).trim());
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment, escaped. */
export function seg(value) {
  return encodeURIComponent(String(value));
}

// ---------------------------------------------------------------------------------------------
// Tokens

/**
 * The JWT's payload, decoded for display only: the gateway verifies the signature, the page never
 * trusts these claims for anything but showing who is signed in.
 */
export function decodeJwt(token) {
  const parts = String(token).trim().split('.');
  if (parts.length !== 3 || !parts[1]) {
    throw new Error('This is not a JWT: it should be three base64url parts separated by dots.');
  }
  const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  let payload;
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    payload = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('The token\'s payload could not be read.');
  }
  if (!payload || typeof payload !== 'object') {
    throw new Error('The token\'s payload is not a JSON object.');
  }
  return payload;
}

export function groupsOf(payload) {
  const groups = payload && payload.groups;
  if (Array.isArray(groups)) {
    return groups.map(String);
  }
  return typeof groups === 'string' ? [groups] : [];
}

export function isExpired(payload) {
  return typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now();
}

/** A token kept in this tab's sessionStorage (gone when the tab closes). */
export class TokenStore {
  constructor(key) {
    this.key = key;
  }

  get() {
    try {
      return sessionStorage.getItem(this.key);
    } catch {
      return null;
    }
  }

  set(token) {
    try {
      sessionStorage.setItem(this.key, token);
    } catch {
      // storage refused (private mode): the token lives only as long as the page
    }
  }

  clear() {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // nothing to clear
    }
  }
}

/** Removes whitespace that pasting may add, and a leading "Bearer ". */
export function cleanToken(text) {
  return String(text || '').replace(/^\s*Bearer\s+/i, '').replace(/\s+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Server-Sent Events over fetch()

/** An incremental parser for the text/event-stream format (WHATWG HTML, "Server-sent events"). */
export class SseParser {
  constructor(onEvent, onComment = () => {}) {
    this.onEvent = onEvent;
    this.onComment = onComment;
    this.buffer = '';
    this.reset();
    this.lastEventId = null;
  }

  reset() {
    this.eventType = '';
    this.data = [];
    this.id = null;
    this.retry = null;
  }

  push(chunk) {
    this.buffer += chunk;
    const terminator = /\r\n|\r|\n/g;
    let start = 0;
    for (;;) {
      terminator.lastIndex = start;
      const match = terminator.exec(this.buffer);
      if (!match) {
        break;
      }
      if (match[0] === '\r' && match.index === this.buffer.length - 1) {
        break; // a CR at the end may be the first half of a CRLF split across chunks
      }
      this.line(this.buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.id = value;
          this.lastEventId = value;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) {
          this.retry = Number(value);
        }
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  dispatch() {
    if (this.data.length > 0) {
      this.onEvent({ type: this.eventType || 'message', data: this.data.join('\n'), id: this.id ?? this.lastEventId });
    }
    this.reset();
  }
}

/**
 * Reads an SSE endpoint with fetch() so that the Authorization header can be sent, and reconnects
 * with exponential backoff (1 s doubling to 30 s, with jitter) whenever the stream drops or goes
 * silent for longer than `silenceMs` (the server sends keep-alive comments).
 *
 * onState(state, error) gets 'connecting', 'connected' (on the first byte of a stream),
 * 'reconnecting' or 'denied' (401/403: no retry). Returns { close() }.
 */
export function openEventStream(path, { token, headers = {}, onEvent, onState = () => {}, onComment = () => {},
  minDelayMs = 1000, maxDelayMs = 30000, silenceMs = 90000 } = {}) {
  let closed = false;
  let controller = null;
  let retryTimer = null;
  let silenceTimer = null;
  let delay = minDelayMs;
  let lastEventId = null;

  const armSilenceTimer = () => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => controller && controller.abort(new Error('silent stream')), silenceMs);
  };

  const scheduleReconnect = (error) => {
    if (closed) {
      return;
    }
    onState('reconnecting', error);
    const wait = Math.round(delay * (0.8 + Math.random() * 0.4));
    delay = Math.min(maxDelayMs, delay * 2);
    retryTimer = setTimeout(connect, wait);
  };

  async function connect() {
    if (closed) {
      return;
    }
    controller = new AbortController();
    onState('connecting');
    const allHeaders = { Accept: 'text/event-stream', ...headers, Authorization: `Bearer ${token}` };
    if (lastEventId) {
      allHeaders['Last-Event-ID'] = lastEventId;
    }
    let announcedOpen = false;
    try {
      const response = await fetch(API_BASE + path, { headers: allHeaders, signal: controller.signal, cache: 'no-store' });
      if (!response.ok) {
        const error = await problemFrom(response);
        if (response.status === 401 || response.status === 403) {
          closed = true;
          onState('denied', error);
          return;
        }
        throw error;
      }
      if (!response.body) {
        throw new Error('This browser cannot read streamed responses.');
      }
      const parser = new SseParser((event) => {
        if (event.id) {
          lastEventId = event.id;
        }
        onEvent(event);
      }, onComment);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      armSilenceTimer();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        armSilenceTimer();
        if (!announcedOpen) {
          announcedOpen = true;
          delay = minDelayMs; // a healthy stream resets the backoff
          onState('connected');
        }
        parser.push(value);
      }
      throw new Error('The stream ended.');
    } catch (error) {
      clearTimeout(silenceTimer);
      if (!closed) {
        scheduleReconnect(error);
      }
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      if (controller) {
        controller.abort();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Languages and dates

/** The browser's preferred languages, as an Accept-Language value with descending q-values. */
export function acceptLanguageFrom(languages) {
  const list = (languages && languages.length ? languages : ['en']).slice(0, 6);
  return list.map((tag, i) => (i === 0 ? tag : `${tag};q=${Math.max(0.1, 1 - i * 0.1).toFixed(1)}`)).join(', ');
}

export function browserLanguages() {
  if (navigator.languages && navigator.languages.length) {
    return Array.from(navigator.languages);
  }
  return navigator.language ? [navigator.language] : ['en'];
}

/** An ISO instant in epoch milliseconds, 0 when missing or unreadable (for sorting). */
export function instant(iso) {
  const ms = Date.parse(iso || '');
  return Number.isNaN(ms) ? 0 : ms;
}

export function formatDateTime(iso, locale) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

export function formatNumber(value, locale) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '–';
  }
  return new Intl.NumberFormat(locale).format(Number(value));
}

// ---------------------------------------------------------------------------------------------
// DOM

/**
 * Creates an element. props: className, text, dataset, attrs, on (event handlers), hidden, and
 * any plain DOM property (id, type, href, value, disabled, ...). Children are nodes or strings
 * (always inserted as text, never as HTML); null, undefined and false are skipped; arrays flatten.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) {
      continue;
    }
    if (key === 'className') {
      el.setAttribute('class', value);
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'dataset') {
      for (const [name, v] of Object.entries(value)) {
        if (v !== undefined && v !== null) {
          el.dataset[name] = String(v);
        }
      }
    } else if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) {
        if (v !== undefined && v !== null && v !== false) {
          el.setAttribute(name, v === true ? '' : String(v));
        }
      }
    } else if (key === 'on') {
      for (const [name, handler] of Object.entries(value)) {
        el.addEventListener(name, handler);
      }
    } else {
      el[key] = value;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.append(child);
    } else {
      el.append(document.createTextNode(String(child)));
    }
  }
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}

/**
 * Sets a polite live region's text so that screen readers announce it, even when the same text
 * repeats: clear first, then set on the next frame.
 */
export function announceIn(region, message, tone = 'info') {
  region.dataset.tone = tone;
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}
