// Browser test of the moderation console (/) and the inbox (/inbox) against a running suite.
//
//   cd e2e-tests/browser && npm ci && node console.test.mjs
//
// Drives Debian's chromium through playwright-core (no browser download). Env: GATEWAY_URL
// (default http://127.0.0.1:8080), CHROMIUM_PATH (default /usr/bin/chromium), SCREENSHOT_DIR
// (default <repo>/target/screenshots). Tokens come from ../../suite token. Exit code 0 only when every
// check passed; the last line is "browser: N passed, M failed".

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');
const GATEWAY = (process.env.GATEWAY_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const API = `${GATEWAY}/api/v1`;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS_DIR = resolve(process.env.SCREENSHOT_DIR || resolve(REPO_ROOT, 'target/screenshots'));
const OVERALL_TIMEOUT_MS = 8 * 60_000;

const PREFIX = `bt${randomBytes(4).toString('hex')}`;
const BOT = `${PREFIX}-bot`;
const FRIEND = `${PREFIX}-friend`;
const TARGETS = 300;
const FLAGGED_APP = 'followboost';
// The guard holds an enforcement that would take a genuine account past a quarter of its
// followers (and at least ten) within a day; one enforcement removes one follower from each
// account, so eleven helper bots follow t0 too and are enforced first.
const HELPERS = 11;
const HELPER_FOLLOWS = 50;
const helper = (h) => `${PREFIX}-helper${h}`;
// One more bot like the helpers, posted once the bot above is held: t0 has lost its ten followers by
// then, so this one is held to protect t0 too, and its case is still open after the review queue's
// checks. The case checks approve that case; then this account appeals its enforcement.
const LATE = `${PREFIX}-late`;
const CASE_NOTE = `Browser test ${PREFIX}: these accounts bought follows through ${FLAGGED_APP}.`;
const APPEAL_MESSAGE = 'I followed these accounts myself, from my phone. Please look again.';
const APPEAL_NOTE = `Browser test ${PREFIX}: granted, to check that a granted appeal reaches the account.`;

// ---------------------------------------------------------------------------------------------
// Tiny runner: checks run in order; the first failure skips the rest (they depend on it).

const results = { passed: 0, failed: 0, skipped: 0 };
let stopped = false;
let activePage = null; // the page a failure is about: its screenshot is taken on failure

async function check(name, fn) {
  if (stopped) {
    results.skipped += 1;
    console.log(`  skip ${name}`);
    return undefined;
  }
  const started = Date.now();
  try {
    const value = await fn();
    results.passed += 1;
    console.log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return value;
  } catch (error) {
    results.failed += 1;
    stopped = true;
    console.log(`  FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`       ${String(error && error.message ? error.message : error).split('\n').join('\n       ')}`);
    if (activePage) {
      const path = resolve(SHOTS_DIR, 'failure.png');
      try {
        await activePage.screenshot({ path, fullPage: true, timeout: 10_000 });
        console.log(`       page at the failure: ${path}`);
      } catch {
        // no screenshot; the message above says what went wrong
      }
    }
    return undefined;
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; throws describe() after timeoutMs. */
async function waitFor(fn, { timeoutMs, intervalMs = 1000, describe }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await fn();
      if (value) {
        return value;
      }
    } catch (error) {
      if (error && error.fatal) {
        throw error;
      }
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = typeof describe === 'function' ? await describe() : describe;
      throw new Error(`${why}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/** Waits until the locator's visible text matches; the error shows what it was instead. */
async function waitForText(locator, expected, { timeoutMs = 15_000, what = 'element' } = {}) {
  const matches = (text) => (expected instanceof RegExp ? expected.test(text) : text.includes(expected));
  let last = '(not found)';
  await waitFor(async () => {
    if ((await locator.count()) === 0) {
      last = '(not found)';
      return false;
    }
    last = (await locator.first().innerText()).trim();
    return matches(last);
  }, { timeoutMs, intervalMs: 250, describe: () => `${what} should show ${expected} within ${timeoutMs / 1000} s, but shows "${last.slice(0, 300)}"` });
}

async function visible(locator, what, timeoutMs = 15_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`${what} is not visible within ${timeoutMs / 1000} s`);
  }
}

// ---------------------------------------------------------------------------------------------
// The suite: tokens and API calls

function token(role, account) {
  const args = ['token', role];
  if (account) {
    args.push(account);
  }
  let out;
  try {
    out = execFileSync('../../suite', args, { cwd: HERE, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`../../suite ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
  const jwt = out.split('\n').map((l) => l.trim()).reverse().find((l) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(l));
  assert(jwt, `../../suite ${args.join(' ')} printed no token: ${out.slice(0, 200)}`);
  return jwt;
}

function subjectOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')).sub;
}

async function api(method, path, jwt, body, headers = {}) {
  let response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      headers: { Authorization: `Bearer ${jwt}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = error.cause && (error.cause.code || error.cause.message);
    throw new Error(`${method} ${API}${path} failed: ${error.message}${cause ? ` (${cause})` : ''}. Is the suite up (./suite status)?`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A fake-looking bot following `count` accounts through a third-party app, t0 first, at a machine-regular pace. */
function botTraffic(bot, count, targetOf, offsetMs = 0) {
  const start = Date.now() - 2 * 60 * 60_000 + 60_000 - offsetMs;
  const step = Math.floor((2 * 60 * 60_000 - 120_000) / count);
  let n = 0;
  const id = () => `${bot}-e${n++}`;
  const events = [{
    eventId: id(), type: 'PROFILE_SNAPSHOT', accountId: bot, occurredAt: rfc3339(start - 5 * 60_000),
    profile: {
      username: `${bot.replace(/-/g, '')}8391027`, fullName: '', biography: '', externalUrl: null, hasProfilePicture: false,
      isPrivate: false, mediaCount: 0, followerCount: 2, followingCount: 1900,
    },
  }];
  for (let i = 0; i < count; i++) {
    events.push({
      eventId: id(), type: 'FOLLOW', accountId: bot, occurredAt: rfc3339(start + i * step), clientAppId: FLAGGED_APP,
      ip: '198.51.100.23', deviceId: `${bot}-device`, targetAccountId: targetOf(i),
    });
  }
  return events;
}

/** t0's genuine follower and the helper bots, each following t0 and accounts of its own. */
function helperTraffic() {
  const events = [{
    eventId: `${PREFIX}-friend-f`, type: 'FOLLOW', accountId: FRIEND, occurredAt: rfc3339(Date.now() - 5 * 60 * 60_000),
    clientAppId: 'official-ios', targetAccountId: `${PREFIX}-t0`,
  }];
  // Their other targets are popular accounts, as bought follows are: removing the helpers' follows
  // from them is no purge, for the guard's breaker either. A quarter of an hour apart: not lockstep.
  for (let i = 1; i < HELPER_FOLLOWS; i++) {
    events.push({
      eventId: `${PREFIX}-pp${i}`, type: 'PROFILE_SNAPSHOT', accountId: `${PREFIX}-p${i}`, occurredAt: rfc3339(Date.now() - 4 * 60 * 60_000),
      profile: {
        username: `popular${i}`, fullName: `Popular ${i}`, biography: '', externalUrl: null, hasProfilePicture: true,
        isPrivate: false, mediaCount: 300, followerCount: 5000, followingCount: 200,
      },
    });
  }
  for (let h = 0; h < HELPERS; h++) {
    events.push(...botTraffic(helper(h), HELPER_FOLLOWS, (i) => (i === 0 ? `${PREFIX}-t0` : `${PREFIX}-p${i}`), h * 15 * 60_000));
  }
  return events;
}

/** The traffic that makes the HELD enforcement: the bot following 300 accounts, t0 among them. */
function traffic() {
  return botTraffic(BOT, TARGETS, (i) => `${PREFIX}-t${i}`);
}

/** The late bot: a twelfth helper, a quarter of an hour before the last one. */
function lateTraffic() {
  return botTraffic(LATE, HELPER_FOLLOWS, (i) => (i === 0 ? `${PREFIX}-t0` : `${PREFIX}-p${i}`), HELPERS * 15 * 60_000);
}

async function postEvents(jwt, events) {
  for (let offset = 0; offset < events.length; offset += 10_000) {
    const batch = events.slice(offset, offset + 10_000);
    for (let attempt = 1; ; attempt++) {
      const r = await api('POST', '/events', jwt, batch);
      if (r.status === 429 && attempt < 6) {
        const wait = Number(r.headers.get('retry-after')) || 2;
        await sleep(Math.min(30, wait) * 1000);
        continue;
      }
      assert(r.status === 202, `POST /events answered ${r.status}: ${r.text.slice(0, 500)}`);
      const rejected = (r.json && r.json.rejected) || [];
      assert(rejected.length === 0, `POST /events rejected ${rejected.length} events, e.g. ${JSON.stringify(rejected[0])}`);
      const counted = (r.json.accepted || 0) + (r.json.duplicates || 0);
      assert(counted === batch.length, `POST /events accepted ${r.json.accepted} and saw ${r.json.duplicates} duplicates of ${batch.length}`);
      break;
    }
  }
}

/** The account's enforcement once it is HELD; fails at once when it is decided otherwise. */
async function heldEnforcementOf(account, jwt, timeoutMs) {
  let seen = 'nothing yet';
  return waitFor(async () => {
    const r = await api('GET', `/enforcements?accountId=${encodeURIComponent(account)}`, jwt);
    if (r.status !== 200) {
      seen = `HTTP ${r.status}: ${r.text.slice(0, 200)}`;
      return null;
    }
    const list = r.json || [];
    seen = list.length ? list.map((e) => `${e.id} ${e.status}`).join(', ') : 'no enforcement';
    const notHeld = list.find((e) => e.status !== 'HELD' && e.status !== 'PROPOSED');
    if (notHeld) {
      throw Object.assign(new Error(`enforcement ${notHeld.id} of ${account} is ${notHeld.status}, expected HELD`), { fatal: true });
    }
    return list.find((e) => e.status === 'HELD') || null;
  }, { timeoutMs, intervalMs: 2000, describe: () => `no HELD enforcement of ${account} within ${timeoutMs / 1000} s; saw: ${seen}` });
}

/** The open case (GET /cases, every page) that has the enforcement among its members, or null. */
async function openCaseHolding(enforcementId, jwt) {
  let after = null;
  for (let pages = 0; pages < 100; pages++) {
    const r = await api('GET', `/cases?status=OPEN&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`, jwt);
    assert(r.status === 200 && r.json && Array.isArray(r.json.items), `GET /cases answered ${r.status}: ${r.text.slice(0, 300)}`);
    const found = r.json.items.find((c) => (c.enforcementIds || []).includes(enforcementId));
    if (found || !r.json.next) {
      return found || null;
    }
    after = r.json.next;
  }
  return null;
}

async function enforcementStatus(account, enforcementId, jwt) {
  const r = await api('GET', `/enforcements?accountId=${encodeURIComponent(account)}`, jwt);
  if (r.status !== 200) {
    return `unknown (HTTP ${r.status})`;
  }
  const e = (r.json || []).find((x) => x.id === enforcementId);
  return e ? e.status : 'not listed';
}

// ---------------------------------------------------------------------------------------------
// The run

async function main() {
  console.log(`browser test against ${GATEWAY}, accounts prefixed ${PREFIX}`);
  mkdirSync(SHOTS_DIR, { recursive: true });
  const shots = [];
  const shot = async (page, name) => {
    const path = resolve(SHOTS_DIR, name);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
  };

  let moderator;
  let ingest;
  let user;
  let held;

  await check('tokens from ../../suite token', async () => {
    moderator = token('moderator');
    ingest = token('ingest');
    user = token('user', BOT);
    assert(subjectOf(user) === BOT, `the user token's sub is ${subjectOf(user)}, not ${BOT}`);
  });

  await check(`setup: ${HELPERS} helper bots following ${PREFIX}-t0 are enforced first`, async () => {
    await postEvents(ingest, helperTraffic());
    let seen = 'nothing yet';
    await waitFor(async () => {
      const decided = [];
      for (let h = 0; h < HELPERS; h++) {
        const r = await api('GET', `/enforcements?accountId=${encodeURIComponent(helper(h))}`, moderator);
        const e = r.status === 200 && (r.json || []).find((x) => x.status === 'APPLIED' || x.status === 'HELD');
        if (e) {
          decided.push(e.status);
        }
      }
      seen = `${decided.length} of ${HELPERS} decided: ${decided.join(', ')}`;
      return decided.length === HELPERS || null;
    }, { timeoutMs: 90_000, intervalMs: 2000, describe: () => `the helper bots were not all decided within 90 s; ${seen}` });
    console.log(`       ${seen}`);
  });

  await check(`setup: ${TARGETS + 1} events accepted by POST /events`, async () => {
    await postEvents(ingest, traffic());
  });

  await check(`setup: an enforcement of ${BOT} is HELD by the guard`, async () => {
    held = await heldEnforcementOf(BOT, moderator, 90_000);
    console.log(`       ${held.id}: ${held.heldReason}`);
  });

  await check(`setup: ${HELPER_FOLLOWS + 1} events of ${LATE}, a late bot also following ${PREFIX}-t0, accepted`, async () => {
    await postEvents(ingest, lateTraffic()); // decided while the console is checked; waited for before the case checks
  });

  let browser;
  const pageErrors = [];
  try {
    if (!stopped) {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
        timeout: 60_000,
      });
    }
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    };

    let consolePage;
    const queueRow = () => consolePage.locator(`[data-testid="queue-row"][data-enforcement-id="${held.id}"]`);
    const listRow = () => consolePage.locator(`[data-testid="enforcement-row"][data-enforcement-id="${held.id}"]`);

    await check('console: signs in with the moderator token', async () => {
      consolePage = await newPage();
      activePage = consolePage;
      const response = await consolePage.goto(`${GATEWAY}/`, { waitUntil: 'domcontentloaded' });
      assert(response && response.ok(), `GET / answered ${response && response.status()}`);
      await visible(consolePage.getByTestId('signin-token'), 'the sign-in field');
      await consolePage.getByTestId('signin-token').fill(moderator);
      await consolePage.getByTestId('signin-submit').click();
      await waitForText(consolePage.getByTestId('signed-in-user'), subjectOf(moderator), { what: 'the signed-in user' });
      await waitForText(consolePage.getByTestId('signed-in-roles'), 'moderator', { what: 'the signed-in role' });
      await waitForText(consolePage.getByTestId('guard-state'), /^(Open|Closed)/, { what: 'the guard state' });
    });

    await check(`console: the review queue lists ${held ? held.id : 'the enforcement'} with its held reason`, async () => {
      await waitFor(async () => {
        if ((await queueRow().count()) > 0) {
          return true;
        }
        await consolePage.getByTestId('refresh-queue').click();
        return false;
      }, { timeoutMs: 30_000, intervalMs: 3000, describe: `the queue has no row for ${held.id}` });
      const row = queueRow();
      await waitForText(row.getByTestId('status-cell'), 'HELD', { what: 'the queue row status' });
      await waitForText(row.getByTestId('account-link'), BOT, { what: 'the queue row account' });
      const reason = (await row.getByTestId('held-reason').innerText()).trim();
      assert(reason.length > 0 && reason === String(held.heldReason).trim(), `the held reason shows "${reason}", the API says "${held.heldReason}"`);
      await visible(row.getByTestId('approve-button'), 'the Approve button');
      await visible(row.getByTestId('reject-button'), 'the Reject button');
    });

    await check('console: the impact shows a table and a chart', async () => {
      await queueRow().getByTestId('impact-button').click();
      await visible(consolePage.getByTestId('impact-table'), 'the impact table', 30_000);
      const t0 = consolePage.locator(`[data-testid="impact-row"][data-account-id="${PREFIX}-t0"]`);
      await visible(t0, `the impact row of ${PREFIX}-t0`);
      const number = (text) => Number(String(text).replace(/[^\d]/g, ''));
      const t0Before = number(await t0.getByTestId('impact-followers-before').innerText());
      const t0After = number(await t0.getByTestId('impact-followers-after').innerText());
      assert(t0Before - t0After === 1, `${PREFIX}-t0 should lose exactly one follower, the table says ${t0Before} → ${t0After}`);
      const impact = await api('GET', `/enforcements/${encodeURIComponent(held.id)}/impact`, moderator);
      assert(impact.status === 200 && Array.isArray(impact.json), `GET /enforcements/${held.id}/impact answered ${impact.status}`);
      const rows = await consolePage.getByTestId('impact-row').count();
      assert(rows === impact.json.length && rows > 0, `the impact table has ${rows} rows, the API lists ${impact.json.length} receiving accounts`);
      const shown = await consolePage.locator('[data-testid="impact-row"]').evaluateAll((trs) => trs.map((tr) => ({
        accountId: tr.dataset.accountId,
        before: tr.querySelector('[data-testid="impact-followers-before"]').textContent,
        after: tr.querySelector('[data-testid="impact-followers-after"]').textContent,
      })));
      // Per receiver, the followers this enforcement removes (the counts themselves may move between the two reads)
      const byAccount = new Map(shown.map((r) => [r.accountId, r]));
      for (const r of impact.json) {
        const row = byAccount.get(r.accountId);
        assert(row, `the impact table has no row for ${r.accountId}`);
        assert(number(row.before) - number(row.after) === r.followersBefore - r.followersAfter,
          `the impact table says ${r.accountId} goes ${row.before} → ${row.after}, the API ${r.followersBefore} → ${r.followersAfter}`);
      }
      const charted = await consolePage.locator('[data-testid="impact-row"][data-in-chart="true"]').count();
      assert(charted >= 1 && charted <= 20, `the chart draws ${charted} receiving accounts, expected 1 to 20`);
      const chart = consolePage.getByTestId('impact-chart');
      await visible(chart, 'the impact chart');
      const canvas = chart.locator('canvas');
      await waitFor(async () => (await canvas.count()) > 0, {
        timeoutMs: 20_000,
        intervalMs: 250,
        describe: async () => {
          const note = consolePage.getByTestId('chart-unavailable');
          return `the impact chart has no <canvas> within 20 s${(await note.count()) ? `: ${await note.first().innerText()}` : ''}`;
        },
      });
      const box = await canvas.first().boundingBox();
      assert(box && box.width >= 200 && box.height >= 100, `the canvas of the impact chart is ${box ? `${Math.round(box.width)}×${Math.round(box.height)} px` : 'not laid out'}`);
      await waitFor(async () => (await chart.getAttribute('data-rendered')) === 'true',
        { timeoutMs: 15_000, intervalMs: 250, describe: 'the impact chart did not finish drawing within 15 s' });
      const alternative = await chart.evaluate((el) => [el.getAttribute('aria-label') || '', ...(el.getAttribute('aria-describedby') || '').split(/\s+/)
        .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent)].join(' '));
      assert(alternative.includes(`${PREFIX}-t`), `the chart's text alternative does not name the receivers: "${alternative.slice(0, 200)}"`);
      await shot(consolePage, 'console-review-queue.png');
    });

    await check('console: Approve applies the enforcement', async () => {
      await queueRow().getByTestId('approve-button').click();
      await waitForText(consolePage.getByTestId('status-message'), /approved.*APPLIED/, { what: 'the status message', timeoutMs: 20_000 });
      await waitFor(async () => (await queueRow().count()) === 0, { timeoutMs: 10_000, intervalMs: 250, describe: 'the approved enforcement is still in the review queue' });
      await consolePage.getByTestId('filter-account').fill(BOT);
      await consolePage.getByTestId('filter-submit').click();
      await waitFor(async () => {
        if ((await listRow().count()) > 0 && (await listRow().getByTestId('enforcement-status').innerText()).includes('APPLIED')) {
          return true;
        }
        await consolePage.getByTestId('refresh-enforcements').click();
        return false;
      }, { timeoutMs: 30_000, intervalMs: 2000, describe: `the enforcements list does not show ${held.id} as APPLIED` });
      await visible(listRow().getByTestId('revert-button'), 'the Revert button of the applied enforcement');
      await shot(consolePage, 'console-approved.png');
    });

    await check('console: the account page shows the account and its timeline', async () => {
      await listRow().getByTestId('account-link').click();
      const details = consolePage.getByTestId('account-details');
      await waitForText(details, BOT, { what: 'the account details', timeoutMs: 20_000 });
      await waitForText(consolePage.getByTestId('account-status'), /^(CLEAN|SUSPECT|WARNED|BLOCKED)$/, { what: 'the account status' });
      await visible(consolePage.locator(`[data-testid="timeline-item"][data-enforcement-id="${held.id}"]`), 'the enforcement in the account timeline');
    });

    let inboxPage;
    const warning = () => inboxPage.locator('[data-testid="message"][data-kind="INAUTHENTIC_ACTIVITY_WARNING"]');
    const liveState = async () => `${await inboxPage.getByTestId('live-state').getAttribute('data-state')}`;

    await check(`inbox: signs in as ${BOT}`, async () => {
      inboxPage = await newPage();
      activePage = inboxPage;
      const response = await inboxPage.goto(`${GATEWAY}/inbox`, { waitUntil: 'domcontentloaded' });
      assert(response && response.ok(), `GET /inbox answered ${response && response.status()}`);
      await visible(inboxPage.getByTestId('signin-token'), 'the inbox sign-in field');
      await inboxPage.getByTestId('signin-token').fill(user);
      await inboxPage.getByTestId('signin-submit').click();
      await waitForText(inboxPage.getByTestId('signed-in-user'), BOT, { what: 'the signed-in account' });
    });

    await check('inbox: the warning arrives (INAUTHENTIC_ACTIVITY_WARNING)', async () => {
      await waitFor(async () => (await warning().count()) > 0, {
        timeoutMs: 60_000,
        intervalMs: 500,
        describe: async () => {
          const r = await api('GET', `/accounts/${encodeURIComponent(BOT)}/notifications`, user).catch((e) => ({ status: e.message, json: null }));
          return `no warning in the inbox within 60 s (live updates: ${await liveState()}; the API lists ${r.json ? r.json.length : `HTTP ${r.status}`} messages)`;
        },
      });
      const title = (await warning().getByTestId('message-title').innerText()).trim();
      assert(title.length > 0, 'the warning has no title');
      await waitForText(warning().getByTestId('read-state'), 'New', { what: 'the unread warning\'s read state' });
    });

    await check('inbox: opening the warning shows both actions and marks it read', async () => {
      await warning().getByTestId('message-summary').click();
      await waitForText(warning().getByTestId('action-change-password'), 'Change password', { what: 'the change-password action' });
      await waitForText(warning().getByTestId('action-connected-apps'), 'Review connected apps', { what: 'the connected-apps action' });
      await waitForText(warning().getByTestId('message-apps'), FLAGGED_APP, { what: 'the apps concerned' });
      const body = (await warning().getByTestId('message-body').innerText()).trim();
      assert(body.length > 40, `the message body looks empty: "${body}"`);
      await waitFor(async () => (await warning().getAttribute('data-read')) === 'true', { timeoutMs: 10_000, intervalMs: 250, describe: 'the warning is not shown as read after opening it' });
      const id = await warning().getAttribute('data-id');
      const r = await api('GET', `/accounts/${encodeURIComponent(BOT)}/notifications`, user);
      const stored = (r.json || []).find((m) => m.id === id);
      assert(stored && stored.readAt, `the API does not have message ${id} as read (readAt ${stored && stored.readAt})`);
      await warning().getByTestId('action-connected-apps').click();
      await waitForText(inboxPage.getByTestId('panel-connected-apps'), FLAGGED_APP, { what: 'the connected-apps panel' });
      await shot(inboxPage, 'inbox-warning.png');
    });

    await check('inbox: live updates are connected', async () => {
      await waitFor(async () => (await liveState()) === 'connected', { timeoutMs: 20_000, intervalMs: 250, describe: async () => `the SSE stream is "${await liveState()}", not connected` });
    });

    await check('console: Revert reverts the enforcement', async () => {
      await consolePage.bringToFront();
      activePage = consolePage;
      const dialog = consolePage.getByTestId('confirm-dialog');
      await listRow().getByTestId('revert-button').click();
      await visible(dialog, 'the confirmation before a revert');
      await waitForText(consolePage.getByTestId('confirm-text'), held.id, { what: 'the revert confirmation' });
      await consolePage.getByTestId('confirm-cancel').click();
      await waitForText(consolePage.getByTestId('status-message'), /Nothing changed/, { what: 'the status message after cancelling' });
      assert((await enforcementStatus(BOT, held.id, moderator)) === 'APPLIED', 'cancelling the confirmation changed the enforcement');
      await listRow().getByTestId('revert-button').click();
      await visible(dialog, 'the confirmation before a revert');
      await consolePage.getByTestId('confirm-accept').click();
      await waitForText(consolePage.getByTestId('status-message'), /reverted.*REVERTED/, { what: 'the status message', timeoutMs: 20_000 });
      await waitForText(listRow().getByTestId('enforcement-status'), 'REVERTED', { what: 'the enforcement status' });
    });

    await check('inbox: ENFORCEMENT_REVERSED appears at the top without a reload', async () => {
      await inboxPage.bringToFront();
      activePage = inboxPage;
      const first = inboxPage.locator('[data-testid="message-list"] > li:first-child [data-testid="message"]');
      await waitFor(async () => (await first.count()) > 0 && (await first.getAttribute('data-kind')) === 'ENFORCEMENT_REVERSED', {
        timeoutMs: 60_000,
        intervalMs: 500,
        describe: async () => `the newest message is ${(await first.count()) ? await first.getAttribute('data-kind') : 'missing'}, not ENFORCEMENT_REVERSED, after 60 s (live updates: ${await liveState()})`,
      });
      const status = (await inboxPage.getByTestId('status-message').innerText()).trim();
      if (!status.startsWith('New message')) {
        console.log(`       note: the live region says "${status}" (the message came with a reconnect, not as an event)`);
      }
      await shot(inboxPage, 'inbox-live-update.png');
    });


    // Cases: the late bot's held enforcement is in an open case, decided once for all its members.
    let lateHeld;
    let openCase;
    const caseRow = () => consolePage.locator(`[data-testid="case-row"][data-case-id="${openCase.id}"]`);
    const casePage = () => consolePage.getByTestId('case-page');

    await check(`setup: the enforcement of ${LATE} is HELD, in an open case`, async () => {
      lateHeld = await heldEnforcementOf(LATE, moderator, 90_000);
      openCase = await waitFor(() => openCaseHolding(lateHeld.id, moderator), {
        timeoutMs: 30_000, intervalMs: 2000, describe: `no open case (GET /cases?status=OPEN) has ${lateHeld.id} among its enforcementIds`,
      });
      assert(openCase.held >= 1, `case ${openCase.id} says ${openCase.held} members are held`);
      console.log(`       ${lateHeld.id} (${lateHeld.heldReason}) is in case ${openCase.id}: ${openCase.kind}, ${openCase.held} held, “${openCase.title}”`);
    });

    /** Shows the case's row in the queue: refreshes, or loads the next page while there is one. */
    const findCaseRow = async (what) => {
      await waitFor(async () => {
        if ((await caseRow().count()) > 0) {
          return true;
        }
        const more = consolePage.getByTestId('cases-more');
        await ((await more.isVisible()) ? more : consolePage.getByTestId('refresh-cases')).click();
        return false;
      }, { timeoutMs: 30_000, intervalMs: 1500, describe: `the case queue (${what}) has no row for case ${openCase.id}` });
    };

    await check('console: the case queue lists the case, sorted by follower loss, filterable by kind', async () => {
      await consolePage.bringToFront();
      activePage = consolePage;
      await consolePage.getByTestId('nav-cases').click();
      await findCaseRow('all kinds');
      const ids = String(await caseRow().getAttribute('data-enforcement-ids')).split(' ');
      assert(ids.includes(lateHeld.id), `the case row lists enforcements ${ids.join(', ')}, not ${lateHeld.id}`);
      assert(Number(await caseRow().getAttribute('data-held')) === openCase.held, `the case row says ${await caseRow().getAttribute('data-held')} held, the API ${openCase.held}`);
      await waitForText(caseRow().getByTestId('case-kind'), /\S/, { what: 'the case kind' });
      await waitForText(consolePage.getByTestId('cases-count'), /^\(\d[\d,]*\+?\)$/, { what: 'the open-case count in the navigation' });
      const losses = await consolePage.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.removedFollows)));
      assert(losses.every((v, i) => i === 0 || losses[i - 1] >= v), `the cases are not sorted by follower loss: ${losses.slice(0, 20).join(', ')}`);
      const shownKind = async () => consolePage.getByTestId('cases').getAttribute('data-kind');
      await consolePage.getByTestId('cases-kind').selectOption(openCase.kind);
      await waitFor(async () => (await shownKind()) === openCase.kind, { timeoutMs: 10_000, intervalMs: 250, describe: `the case queue was not filtered by ${openCase.kind}` });
      await findCaseRow(openCase.kind);
      const kinds = await consolePage.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.kind));
      assert(kinds.every((k) => k === openCase.kind), `filtered by ${openCase.kind}, the queue shows ${Array.from(new Set(kinds)).join(', ')}`);
      await consolePage.getByTestId('cases-kind').selectOption('');
      await waitFor(async () => (await shownKind()) === 'ALL', { timeoutMs: 10_000, intervalMs: 250, describe: 'the case queue did not go back to every kind' });
      await findCaseRow('all kinds, again');
    });

    await check('console: the case page draws the group graph and the follower-loss chart', async () => {
      await caseRow().getByTestId('case-link').click();
      await visible(casePage(), 'the case page');
      await waitFor(async () => (await casePage().getAttribute('data-case-id')) === openCase.id && (await casePage().getAttribute('data-status')) === 'OPEN',
        { timeoutMs: 20_000, intervalMs: 250, describe: async () => `the case page shows case ${await casePage().getAttribute('data-case-id')} (${await casePage().getAttribute('data-status')}), not open case ${openCase.id}` });
      for (const [testid, what] of [['case-graph', 'the group graph'], ['case-impact-chart', 'the follower-loss chart']]) {
        const canvas = consolePage.locator(`[data-testid="${testid}"] canvas`);
        await waitFor(async () => (await canvas.count()) > 0, {
          timeoutMs: 20_000,
          intervalMs: 250,
          describe: async () => {
            const note = consolePage.getByTestId('chart-unavailable');
            return `${what} has no <canvas> within 20 s${(await note.count()) ? `: ${await note.first().innerText()}` : ''}`;
          },
        });
        const box = await canvas.first().boundingBox();
        assert(box && box.width >= 200 && box.height >= 100, `the canvas of ${what} is ${box ? `${Math.round(box.width)}×${Math.round(box.height)} px` : 'not laid out'}`);
        await waitFor(async () => (await consolePage.getByTestId(testid).getAttribute('data-rendered')) === 'true',
          { timeoutMs: 15_000, intervalMs: 250, describe: `${what} did not finish drawing within 15 s` });
      }
      await visible(consolePage.locator(`[data-testid="case-member-row"][data-enforcement-id="${lateHeld.id}"]`), `the member row of ${lateHeld.id}`);
      const detail = await api('GET', `/cases/${encodeURIComponent(openCase.id)}`, moderator);
      assert(detail.status === 200 && detail.json, `GET /cases/${openCase.id} answered ${detail.status}: ${detail.text.slice(0, 200)}`);
      const heldShown = (await consolePage.getByTestId('case-page-held').innerText()).trim();
      assert(Number(heldShown.replace(/[^\d]/g, '')) === detail.json.held, `the case page says ${heldShown} held, the API ${detail.json.held}`);
      const impactRows = await consolePage.getByTestId('case-impact-row').count();
      assert(impactRows === (detail.json.impact || []).length, `the impact table has ${impactRows} rows, the API ${(detail.json.impact || []).length} receivers`);
      const members = await consolePage.getByTestId('case-member-row').count();
      assert(members === ((detail.json.evidence || {}).members || []).length, `the members table has ${members} rows, the API's evidence ${((detail.json.evidence || {}).members || []).length}`);
      await visible(consolePage.getByTestId('case-decide-form'), 'the decide form of the open case');
      await shot(consolePage, 'case-page.png');
    });

    await check('console: approving the case, with a note and through the confirmation, closes it', async () => {
      const expected = Number(await consolePage.getByTestId('case-decide-form').getAttribute('data-expected'));
      await consolePage.getByTestId('case-decision-approve').check();
      await consolePage.getByTestId('case-note').fill(CASE_NOTE);
      await consolePage.getByTestId('case-decide-submit').click();
      await visible(consolePage.getByTestId('confirm-dialog'), 'the confirmation before the case decision');
      await waitForText(consolePage.getByTestId('confirm-text'), `all ${expected} held enforcement`, { what: 'the case confirmation' });
      await consolePage.getByTestId('confirm-accept').click();
      await waitForText(consolePage.getByTestId('status-message'), /^Case .* approved/, { what: 'the status message', timeoutMs: 30_000 });
      await waitFor(async () => {
        if ((await casePage().getAttribute('data-status')) === 'CLOSED') {
          return true;
        }
        await consolePage.getByTestId('case-reload').click();
        return false;
      }, { timeoutMs: 30_000, intervalMs: 2000, describe: async () => `the case page shows the case as ${await casePage().getAttribute('data-status')}, not CLOSED` });
      await waitForText(consolePage.getByTestId('case-status'), 'CLOSED', { what: 'the case status' });
      await visible(consolePage.getByTestId('case-closed-note'), 'the note that the case is closed');
      assert((await enforcementStatus(LATE, lateHeld.id, moderator)) === 'APPLIED', `${lateHeld.id} is ${await enforcementStatus(LATE, lateHeld.id, moderator)} after the approval, not APPLIED`);
      const audit = consolePage.locator(`[data-testid="case-audit"] [data-testid="audit-row"][data-to="APPLIED"]`);
      assert((await audit.count()) >= expected, `the case audit has ${await audit.count()} transitions to APPLIED, expected at least ${expected}`);
      await waitForText(consolePage.getByTestId('case-audit'), CASE_NOTE.slice(0, 40), { what: 'the case audit (the note)' });
    });

    // Appeals: the late bot's account appeals its applied enforcement; a moderator grants it.
    let appealPage;
    let appeal;
    const lateWarning = () => appealPage.locator('[data-testid="message"][data-kind="INAUTHENTIC_ACTIVITY_WARNING"]');

    await check(`inbox: ${LATE} appeals the warning, and the appeal shows OPEN`, async () => {
      const lateUser = token('user', LATE);
      appealPage = await newPage();
      activePage = appealPage;
      const response = await appealPage.goto(`${GATEWAY}/inbox`, { waitUntil: 'domcontentloaded' });
      assert(response && response.ok(), `GET /inbox answered ${response && response.status()}`);
      await appealPage.getByTestId('signin-token').fill(lateUser);
      await appealPage.getByTestId('signin-submit').click();
      await waitForText(appealPage.getByTestId('signed-in-user'), LATE, { what: 'the signed-in account' });
      await waitFor(async () => (await lateWarning().count()) > 0, { timeoutMs: 60_000, intervalMs: 500, describe: `no warning in the inbox of ${LATE} within 60 s of the approval` });
      await lateWarning().getByTestId('message-summary').click();
      await waitFor(async () => (await lateWarning().getAttribute('data-read')) === 'true', { timeoutMs: 10_000, intervalMs: 250, describe: 'the warning is not shown as read after opening it' });
      await waitFor(async () => (await lateWarning().getByTestId('appeal-button').count()) > 0, {
        timeoutMs: 15_000,
        intervalMs: 250,
        describe: async () => {
          const r = await api('GET', `/accounts/${encodeURIComponent(LATE)}/notifications`, lateUser);
          const w = (r.json || []).find((m) => m.kind === 'INAUTHENTIC_ACTIVITY_WARNING');
          return `the warning shows no Appeal button within 15 s (the notification ${w && w.enforcementId ? `names enforcement ${w.enforcementId}` : 'has no enforcementId'})`;
        },
      });
      await lateWarning().getByTestId('appeal-button').click();
      await appealPage.getByTestId('appeal-message').fill(APPEAL_MESSAGE);
      await lateWarning().getByTestId('appeal-submit').click();
      const state = lateWarning().getByTestId('appeal-state');
      await waitFor(async () => (await state.count()) > 0 && (await state.getAttribute('data-status')) === 'OPEN', {
        timeoutMs: 15_000,
        intervalMs: 250,
        describe: async () => {
          const error = lateWarning().getByTestId('appeal-error');
          return `the warning does not show the appeal as OPEN within 15 s${(await error.count()) ? `; the form says "${await error.innerText()}"` : ''}`;
        },
      });
      await waitForText(lateWarning().getByTestId('appeal-sent-message'), APPEAL_MESSAGE, { what: 'the appeal as sent' });
      const r = await api('GET', `/accounts/${encodeURIComponent(LATE)}/appeals`, lateUser);
      appeal = (r.json || []).find((a) => a.enforcementId === lateHeld.id);
      assert(appeal && appeal.status === 'OPEN' && appeal.message === APPEAL_MESSAGE,
        `GET /accounts/${LATE}/appeals (HTTP ${r.status}) has ${appeal ? `${appeal.status} “${appeal.message}”` : `no appeal of ${lateHeld.id}`}`);
      await shot(appealPage, 'appeal-submitted.png');
    });

    await check('console: the appeal queue lists the appeal; granting it, with a note and through the confirmation, reverts the enforcement', async () => {
      await consolePage.bringToFront();
      activePage = consolePage;
      await consolePage.getByTestId('nav-appeals').click();
      const item = consolePage.locator(`[data-testid="appeal-item"][data-appeal-id="${appeal.id}"]`);
      await waitFor(async () => {
        if ((await item.count()) > 0) {
          return true;
        }
        await consolePage.getByTestId('refresh-appeals').click();
        return false;
      }, { timeoutMs: 30_000, intervalMs: 2000, describe: `the appeal queue has no item for appeal ${appeal.id}` });
      await waitForText(item.getByTestId('appeal-message'), APPEAL_MESSAGE, { what: 'the appeal message' });
      assert((await item.getByTestId('enforcement-link').getAttribute('data-enforcement-id')) === lateHeld.id, 'the appeal does not link its enforcement');
      await waitForText(consolePage.getByTestId('appeals-count'), /^\(\d[\d,]*\+?\)$/, { what: 'the open-appeal count in the navigation' });
      await item.getByTestId('appeal-grant').check();
      await item.getByTestId('appeal-note').fill(APPEAL_NOTE);
      await item.scrollIntoViewIfNeeded();
      await shot(consolePage, 'appeal-queue.png');
      await item.getByTestId('appeal-decide').click();
      await visible(consolePage.getByTestId('confirm-dialog'), 'the confirmation before the appeal decision');
      await waitForText(consolePage.getByTestId('confirm-text'), lateHeld.id, { what: 'the appeal confirmation' });
      await consolePage.getByTestId('confirm-accept').click();
      await waitForText(consolePage.getByTestId('status-message'), /granted/, { what: 'the status message', timeoutMs: 30_000 });
      await waitFor(async () => (await item.getAttribute('data-status')) === 'GRANTED', { timeoutMs: 10_000, intervalMs: 250, describe: 'the appeal is not shown as GRANTED' });
      await waitFor(async () => (await enforcementStatus(LATE, lateHeld.id, moderator)) === 'REVERTED', {
        timeoutMs: 30_000, intervalMs: 1000, describe: async () => `${lateHeld.id} is ${await enforcementStatus(LATE, lateHeld.id, moderator)} after the granted appeal, not REVERTED`,
      });
    });

    await check(`inbox: ${LATE} sees the appeal GRANTED and the ENFORCEMENT_REVERSED message`, async () => {
      await appealPage.bringToFront();
      activePage = appealPage;
      const reversed = appealPage.locator('[data-testid="message"][data-kind="ENFORCEMENT_REVERSED"]');
      const state = lateWarning().getByTestId('appeal-state');
      await waitFor(async () => (await reversed.count()) > 0 && (await state.count()) > 0 && (await state.getAttribute('data-status')) === 'GRANTED', {
        timeoutMs: 60_000,
        intervalMs: 500,
        describe: async () => `after 60 s the inbox has ${await reversed.count()} ENFORCEMENT_REVERSED messages and the appeal is `
          + `${(await state.count()) ? await state.getAttribute('data-status') : 'not shown'} (live updates: ${await appealPage.getByTestId('live-state').getAttribute('data-state')})`,
      });
      await waitForText(lateWarning().getByTestId('appeal-state'), 'Appeal granted', { what: 'the appeal state' });
      await shot(appealPage, 'appeal-decided.png');
    });

    activePage = null;
    await check('no uncaught script errors in the pages', async () => {
      assert(pageErrors.length === 0, `uncaught errors:\n${pageErrors.join('\n')}`);
    });
  } finally {
    if (browser) {
      await browser.close().catch(() => {});
    }
  }

  for (const path of shots) {
    console.log(`screenshot: ${path}`);
  }
}

const watchdog = setTimeout(() => {
  console.log(`FAIL the browser test did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
  console.log(`browser: ${results.passed} passed, ${results.failed + 1} failed`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);

try {
  await main();
} catch (error) {
  results.failed += 1;
  console.log(`FAIL ${error && error.stack ? error.stack : error}`);
}
clearTimeout(watchdog);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`browser: ${results.passed} passed, ${results.failed} failed${skipped}`);
process.exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1;
