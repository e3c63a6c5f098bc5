#!/usr/bin/env node
// Contract run: real calls to a LIVE gateway, each answer checked against the public OpenAPI
// document (gateway/src/main/resources/META-INF/openapi.yaml): the status is documented for the
// operation, the Content-Type is one the operation documents for that status, required headers
// are there, and the body validates against the documented schema (JSON Schema 2020-12, $refs
// resolved). A check also fails when the status is not the one the scenario expects.
//
//   GATEWAY_URL=http://127.0.0.1:8080 node check-responses.mjs
//
// Tokens come from ../../suite token ROLE [ACCOUNT]. The last line is
// "contract: N passed, M failed"; the exit code is 1 when anything failed.
//
//   node check-responses.mjs --self-test
//
// needs no gateway: it shows the checker refuses broken answers (see selfTest below).

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = resolve(HERE, '../../gateway/src/main/resources/META-INF/openapi.yaml');
const SUITE = resolve(HERE, '../../suite');
const DEFS_ID = 'urn:integrity-suite:openapi:components';
const REQUEST_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// The contract: the OpenAPI document, and validators for its schemas.
// ---------------------------------------------------------------------------------------------

/** Rewrites every "#/components/schemas/X" reference to the schema store's "$defs/X". */
function rewriteRefs(node) {
  if (Array.isArray(node)) {
    return node.map(rewriteRefs);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith('#/components/schemas/')) {
        throw new Error(`unsupported schema $ref ${value}: only #/components/schemas/... is expected`);
      }
      out[key] = `${DEFS_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

/** Loads the OpenAPI document; answers helpers to look up operations and validate bodies. */
export function loadContract(specPath = SPEC_PATH) {
  const doc = YAML.parse(readFileSync(specPath, 'utf8'));
  if (!String(doc.openapi ?? '').startsWith('3.1')) {
    throw new Error(`${specPath}: expected an OpenAPI 3.1 document, found openapi: ${doc.openapi}`);
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DEFS_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) });
  const compiled = new WeakMap();

  /** Follows a local "$ref" (of a response, header, parameter, ...) to what it points at. */
  function deref(node) {
    let current = node;
    for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
      if (hops > 20 || !current.$ref.startsWith('#/')) {
        throw new Error(`cannot resolve $ref ${current.$ref}`);
      }
      current = current.$ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((at, part) => (at === undefined ? undefined : at[part]), doc);
      if (current === undefined) {
        throw new Error(`$ref ${node.$ref} points at nothing`);
      }
    }
    return current;
  }

  function validator(schema) {
    if (!compiled.has(schema)) {
      compiled.set(schema, ajv.compile(rewriteRefs(schema)));
    }
    return compiled.get(schema);
  }

  /** Answers the schema errors of value against schema, as readable strings (empty when valid). */
  function validate(schema, value) {
    const check = validator(schema);
    if (check(value)) {
      return [];
    }
    return (check.errors ?? []).slice(0, 8).map((e) => {
      const where = e.instancePath || '(root)';
      const extra = e.params?.unevaluatedProperty ?? e.params?.additionalProperty ?? e.params?.allowedValues;
      return `${where} ${e.message}${extra !== undefined ? ` (${JSON.stringify(extra)})` : ''}`;
    });
  }

  function operation(method, template) {
    return doc.paths?.[template]?.[method.toLowerCase()];
  }

  return { doc, deref, validate, operation };
}

function mediaTypeOf(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function isJson(mediaType) {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The documented media type entry matching an actual one (exact, "type/*" or "*\/*"). */
function documentedMedia(content, mediaType) {
  if (content[mediaType]) {
    return content[mediaType];
  }
  const wildcard = `${mediaType.split('/')[0]}/*`;
  return content[wildcard] ?? content['*/*'];
}

// The kind of problem the API documents per status (the Problem schema's `type`).
const PROBLEM_KINDS = {
  400: 'validation', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed', 409: 'conflict',
  413: 'payload-too-large', 415: 'unsupported-media-type', 429: 'rate-limited', 500: 'internal',
  502: 'unavailable', 503: 'unavailable', 504: 'unavailable',
};

/** The problem type URI the API documents for a status (the Problem schema's `type`), about:blank for any other. */
export function problemType(status) {
  return PROBLEM_KINDS[status] ? `https://integrity.dev/problems/${PROBLEM_KINDS[status]}` : 'about:blank';
}

/**
 * Checks one answer against the operation's documented responses. `answer` is
 * {status, headers: {get(name)}, body: string}. Answers the problems found (empty when none).
 */
export function checkResponse(contract, method, template, answer) {
  const problems = [];
  const op = contract.operation(method, template);
  if (!op) {
    return [`${method.toUpperCase()} ${template} is not an operation of the document`];
  }
  const status = String(answer.status);
  const declared = op.responses?.[status] ?? op.responses?.[`${status[0]}XX`] ?? op.responses?.default;
  if (!declared) {
    return [`status ${status} is not documented (documented: ${Object.keys(op.responses ?? {}).join(', ')})`];
  }
  const response = contract.deref(declared);

  for (const [name, ref] of Object.entries(response.headers ?? {})) {
    const header = contract.deref(ref);
    const value = answer.headers.get(name);
    if (value === null || value === undefined) {
      if (header.required) {
        problems.push(`required header ${name} is missing`);
      }
      continue;
    }
    if (header.schema) {
      const schema = contract.deref(header.schema);
      const typed = schema.type === 'integer' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
      for (const error of contract.validate(schema, typed)) {
        problems.push(`header ${name}=${JSON.stringify(value)}: ${error}`);
      }
    }
  }

  const content = response.content;
  const mediaType = mediaTypeOf(answer.headers.get('content-type'));
  if (!content || Object.keys(content).length === 0) {
    if (answer.body.length > 0) {
      problems.push(`a body is not documented for ${status}, got ${answer.body.length} bytes of ${mediaType || 'no content type'}`);
    }
    return problems;
  }
  const media = documentedMedia(content, mediaType);
  if (!media) {
    problems.push(`content type ${JSON.stringify(mediaType || null)} is not documented for ${status} (documented: ${Object.keys(content).join(', ')})`);
    return problems;
  }
  if (!media.schema) {
    return problems;
  }
  if (isJson(mediaType)) {
    let body;
    try {
      body = JSON.parse(answer.body);
    } catch (e) {
      problems.push(`body is not JSON: ${e.message}: ${answer.body.slice(0, 120)}`);
      return problems;
    }
    answer.json = body;
    for (const error of contract.validate(media.schema, body)) {
      problems.push(`body: ${error}`);
    }
    if (mediaType === 'application/problem+json' && body && typeof body === 'object' && body.type !== problemType(answer.status)) {
      problems.push(`problem type ${JSON.stringify(body.type)} is not the one of status ${status} (${problemType(answer.status)})`);
    }
  } else if (mediaType.startsWith('text/')) {
    for (const error of contract.validate(media.schema, answer.body)) {
      problems.push(`body: ${error}`);
    }
  }
  return problems;
}

/** Checks a request body against the operation's documented request body. */
export function checkRequest(contract, method, template, contentType, value) {
  const op = contract.operation(method, template);
  const body = op?.requestBody && contract.deref(op.requestBody);
  const media = body?.content?.[mediaTypeOf(contentType)];
  if (!media) {
    return [`request content type ${contentType} is not documented`];
  }
  return contract.validate(media.schema, value).map((e) => `request body: ${e}`);
}

// ---------------------------------------------------------------------------------------------
// The run against the live gateway.
// ---------------------------------------------------------------------------------------------

function token(...args) {
  try {
    return execFileSync(SUITE, ['token', ...args], { cwd: HERE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    throw new Error(`../../suite token ${args.join(' ')} failed: ${(e.stderr || e.message || '').toString().trim()}`);
  }
}

async function call(base, method, path, { bearer, contentType, body, accept, stream } = {}) {
  const headers = {};
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  if (accept) {
    headers.Accept = accept;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(base + path, { method, headers, body, signal: controller.signal, redirect: 'manual' });
    let text;
    if (stream) {
      // An event stream does not end: read until the first frame, then hang up.
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      text = '';
      while (!text.includes('\n\n')) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        text += decoder.decode(value, { stream: true });
      }
      await reader.cancel().catch(() => {});
    } else {
      text = await res.text();
    }
    return { status: res.status, headers: res.headers, body: text };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls GET path once a second until it is no longer 404, for up to ms; answers whether it got there
// (the check made after the wait reports what went wrong).
async function found(base, path, bearer, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await call(base, 'GET', path, { bearer })).status !== 404) {
        return true;
      }
    } catch {
      // the check after the wait reports it
    }
    await sleep(1000);
  }
  return false;
}

export async function main() {
  const base = (process.env.GATEWAY_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  let passed = 0;
  let failed = 0;
  const report = (ok, name, detail) => {
    if (ok) {
      passed++;
    } else {
      failed++;
    }
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? ` - ${detail}` : ''}`);
  };

  let contract;
  try {
    contract = loadContract();
    report(true, `load ${SPEC_PATH.slice(resolve(HERE, '../..').length + 1)}`);
  } catch (e) {
    report(false, 'load the OpenAPI document', e.message);
    console.log(`contract: ${passed} passed, ${failed} failed`);
    return 1;
  }

  const run = `${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;
  const account = `ct-${run}`;
  const otherAccount = `ct-${run}-other`;
  const target = `ct-${run}-target`;

  const tokens = {};
  for (const [key, args] of [
    ['ingest', ['ingest']],
    ['moderator', ['moderator']],
    ['platform', ['platform']],
    ['user', ['user', account]],
    ['otherUser', ['user', otherAccount]],
  ]) {
    try {
      tokens[key] = token(...args);
    } catch (e) {
      report(false, `token ${args.join(' ')}`, e.message);
      tokens[key] = null;
    }
  }

  /**
   * One check: a call, the expected status, the contract check of the answer, and optional
   * extra expectations (a function answering problems).
   */
  async function check(name, { method, template, path, expect, bearer, contentType, body, accept, stream, requestValue, extra }) {
    const problems = [];
    if (requestValue !== undefined) {
      problems.push(...checkRequest(contract, method, template, contentType, requestValue));
    }
    let answer;
    try {
      answer = await call(base, method, path, { bearer, contentType, body, accept, stream });
    } catch (e) {
      report(false, `${name}: ${method} ${path}`, `request failed: ${e.cause?.message ?? e.message}`);
      return undefined;
    }
    if (answer.status !== expect) {
      problems.push(`expected ${expect}, got ${answer.status}: ${answer.body.slice(0, 200).replace(/\s+/g, ' ')}`);
    }
    problems.push(...checkResponse(contract, method, template, answer));
    if (extra && answer.status === expect && problems.length === 0) {
      problems.push(...extra(answer));
    }
    report(problems.length === 0, `${name}: ${method} ${path} -> ${answer.status} ${mediaTypeOf(answer.headers.get('content-type'))}`.trimEnd(),
      problems.join('; '));
    return answer;
  }

  const now = Date.now();
  const at = (secondsAgo) => new Date(now - secondsAgo * 1000).toISOString();
  const batch = [
    {
      eventId: `${account}-1`, type: 'PROFILE_SNAPSHOT', accountId: account, occurredAt: at(30),
      profile: {
        username: `contract_${run.replace(/-/g, '_')}`, fullName: 'Contract Check', biography: 'Checks the public API.',
        externalUrl: null, hasProfilePicture: true, isPrivate: false, mediaCount: 4, followerCount: 12, followingCount: 30,
      },
    },
    { eventId: `${account}-2`, type: 'LOGIN', accountId: account, occurredAt: at(20), clientAppId: 'official-web', ip: '203.0.113.9', deviceId: 'd-contract' },
    { eventId: `${account}-3`, type: 'FOLLOW', accountId: account, occurredAt: at(10), clientAppId: 'official-ios', targetAccountId: target },
  ];
  const events = '/api/v1/events';

  await check('events accepted', {
    method: 'POST', template: events, path: events, expect: 202, bearer: tokens.ingest,
    contentType: 'application/json', body: JSON.stringify(batch), requestValue: batch,
    extra: ({ json }) => (json.accepted === batch.length && json.duplicates === 0 && json.rejected.length === 0
      ? [] : [`expected ${batch.length} accepted, 0 duplicates, 0 rejected; got ${JSON.stringify(json)}`]),
  });
  await check('events sent again are duplicates', {
    method: 'POST', template: events, path: events, expect: 202, bearer: tokens.ingest,
    contentType: 'application/json', body: JSON.stringify(batch),
    extra: ({ json }) => (json.accepted === 0 && json.duplicates === batch.length
      ? [] : [`expected 0 accepted, ${batch.length} duplicates; got ${JSON.stringify(json)}`]),
  });
  const invalid = [{ eventId: `${account}-bad`, type: 'FOLLOW', accountId: account, occurredAt: 'yesterday', targetAccountId: target }];
  await check('no valid event', {
    method: 'POST', template: events, path: events, expect: 400, bearer: tokens.ingest,
    contentType: 'application/json', body: JSON.stringify(invalid),
    extra: ({ json }) => (Array.isArray(json.errors) && json.errors.some((e) => e.field === 'occurredAt' && e.index === 0 && e.eventId === `${account}-bad`)
      ? [] : [`expected errors naming occurredAt of event 0; got ${JSON.stringify(json)}`]),
  });
  await check('events as text/plain', {
    method: 'POST', template: events, path: events, expect: 415, bearer: tokens.ingest,
    contentType: 'text/plain', body: JSON.stringify(batch[0]),
  });
  await check('events without a token', {
    method: 'POST', template: events, path: events, expect: 401,
    contentType: 'application/json', body: JSON.stringify(batch[0]),
  });
  await check('events as moderator', {
    method: 'POST', template: events, path: events, expect: 403, bearer: tokens.moderator,
    contentType: 'application/json', body: JSON.stringify(batch[0]),
  });

  // The account exists once the events went through Kafka to scoring and the ledger.
  const accountPath = `/api/v1/accounts/${account}`;
  const seen = await found(base, accountPath, tokens.moderator, 30_000);
  await check(`account sent${seen ? '' : ' (still unknown after 30 s)'}`, {
    method: 'GET', template: '/api/v1/accounts/{id}', path: accountPath, expect: 200, bearer: tokens.moderator,
    extra: ({ json }) => (json.accountId === account ? [] : [`expected accountId ${account}, got ${json.accountId}`]),
  });
  await check('unknown account', {
    method: 'GET', template: '/api/v1/accounts/{id}', path: `/api/v1/accounts/ct-unknown-${run}`, expect: 404, bearer: tokens.moderator,
  });

  await check('enforcements', {
    method: 'GET', template: '/api/v1/enforcements', path: '/api/v1/enforcements', expect: 200, bearer: tokens.moderator,
  });
  await check('held enforcements', {
    method: 'GET', template: '/api/v1/enforcements', path: '/api/v1/enforcements?status=HELD', expect: 200, bearer: tokens.moderator,
    extra: ({ json }) => json.filter((e) => e.status !== 'HELD').map((e) => `enforcement ${e.id} is ${e.status}, not HELD`),
  });
  const enforcementsPage = await check('a page of enforcements', {
    method: 'GET', template: '/api/v1/enforcements', path: '/api/v1/enforcements?limit=2', expect: 200, bearer: tokens.moderator,
    extra: ({ json }) => (json.length > 2 ? [`${json.length} enforcements for limit 2`] : []),
  });
  const nextPage = /^<([^>]+)>; rel="next"$/.exec(enforcementsPage?.headers.get('link') ?? '');
  if (nextPage) {
    await check('the next page of enforcements', {
      method: 'GET', template: '/api/v1/enforcements', path: nextPage[1], expect: 200, bearer: tokens.moderator,
      extra: ({ json }) => {
        const seen = new Set(enforcementsPage.json.map((e) => e.id));
        return [
          ...(json.length > 2 ? [`${json.length} enforcements for limit 2`] : []),
          ...json.filter((e) => seen.has(e.id)).map((e) => `enforcement ${e.id} is on both pages`),
        ];
      },
    });
  }
  await check('enforcements with a malformed cursor', {
    method: 'GET', template: '/api/v1/enforcements', path: '/api/v1/enforcements?after=not-ours', expect: 400, bearer: tokens.moderator,
  });
  await check('enforcements with limit 0', {
    method: 'GET', template: '/api/v1/enforcements', path: '/api/v1/enforcements?limit=0', expect: 400, bearer: tokens.moderator,
  });
  await check('impact of an unknown enforcement', {
    method: 'GET', template: '/api/v1/enforcements/{id}/impact', path: `/api/v1/enforcements/enf-ct-${run}/impact`, expect: 404,
    bearer: tokens.moderator,
  });
  await check('approve an unknown enforcement', {
    method: 'POST', template: '/api/v1/enforcements/{id}/approve', path: `/api/v1/enforcements/enf-ct-${run}/approve`, expect: 404,
    bearer: tokens.moderator,
  });
  await check('guard', {
    method: 'GET', template: '/api/v1/guard', path: '/api/v1/guard', expect: 200, bearer: tokens.moderator,
  });

  await check('open cases', {
    method: 'GET', template: '/api/v1/cases', path: '/api/v1/cases', expect: 200, bearer: tokens.moderator,
    extra: ({ json }) => json.items.filter((c) => c.status !== 'OPEN').map((c) => `case ${c.id} is ${c.status}, not OPEN`),
  });
  await check('cases with a malformed cursor', {
    method: 'GET', template: '/api/v1/cases', path: '/api/v1/cases?after=not-ours', expect: 400, bearer: tokens.moderator,
  });
  await check('unknown case', {
    method: 'GET', template: '/api/v1/cases/{id}', path: `/api/v1/cases/case-ct-${run}`, expect: 404, bearer: tokens.moderator,
  });
  await check('cases as a user', {
    method: 'GET', template: '/api/v1/cases', path: '/api/v1/cases', expect: 403, bearer: tokens.user,
  });
  await check('open appeals', {
    method: 'GET', template: '/api/v1/appeals', path: '/api/v1/appeals?status=OPEN', expect: 200, bearer: tokens.moderator,
    extra: ({ json }) => json.filter((a) => a.status !== 'OPEN').map((a) => `appeal ${a.id} is ${a.status}, not OPEN`),
  });
  const appeals = '/api/v1/accounts/{id}/appeals';
  await check('own appeals', {
    method: 'GET', template: appeals, path: `/api/v1/accounts/${account}/appeals`, expect: 200, bearer: tokens.user,
    extra: ({ json }) => (json.length === 0 ? [] : [`expected no appeals, got ${json.length}`]),
  });
  await check("another user's appeals", {
    method: 'GET', template: appeals, path: `/api/v1/accounts/${account}/appeals`, expect: 403, bearer: tokens.otherUser,
  });

  // The activity comes from the ledger, which may see the events a little after scoring did.
  const activityPath = `/api/v1/accounts/${account}/activity`;
  await found(base, activityPath, tokens.moderator, 15_000);
  await check('account activity', {
    method: 'GET', template: '/api/v1/accounts/{id}/activity', path: `${activityPath}?hours=24`, expect: 200, bearer: tokens.moderator,
    extra: ({ json }) => (json.accountId === account && json.items.some((h) => h.app === 'first-party' && h.follows >= 1)
      ? [] : [`expected a first-party follow of ${account}, got ${JSON.stringify(json)}`]),
  });
  await check('account activity over too many hours', {
    method: 'GET', template: '/api/v1/accounts/{id}/activity', path: `${activityPath}?hours=721`, expect: 400, bearer: tokens.moderator,
  });

  await check('actions feed', {
    method: 'GET', template: '/api/v1/actions', path: '/api/v1/actions?limit=50', expect: 200, bearer: tokens.platform,
    extra: ({ json }) => (json.items.length > 50 ? [`${json.items.length} items for limit 50`] : []),
  });
  await check('actions feed with a malformed cursor', {
    method: 'GET', template: '/api/v1/actions', path: '/api/v1/actions?after=not-ours', expect: 400, bearer: tokens.platform,
  });
  await check('actions feed as moderator', {
    method: 'GET', template: '/api/v1/actions', path: '/api/v1/actions', expect: 403, bearer: tokens.moderator,
  });

  const inbox = '/api/v1/accounts/{id}/notifications';
  await check('own inbox', {
    method: 'GET', template: inbox, path: `/api/v1/accounts/${account}/notifications?page=0&size=20`, expect: 200, bearer: tokens.user,
  });
  await check("another user's inbox", {
    method: 'GET', template: inbox, path: `/api/v1/accounts/${account}/notifications`, expect: 403, bearer: tokens.otherUser,
  });
  await check('inbox page size 0', {
    method: 'GET', template: inbox, path: `/api/v1/accounts/${account}/notifications?size=0`, expect: 400, bearer: tokens.user,
  });
  await check('mark an unknown message read', {
    method: 'POST', template: '/api/v1/accounts/{id}/notifications/{nid}/read',
    path: `/api/v1/accounts/${account}/notifications/${randomUUID()}/read`, expect: 404, bearer: tokens.user,
  });
  await check('own inbox stream', {
    method: 'GET', template: '/api/v1/accounts/{id}/notifications/stream', path: `/api/v1/accounts/${account}/notifications/stream`,
    expect: 200, bearer: tokens.user, accept: 'text/event-stream', stream: true,
  });

  console.log(`contract: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// --self-test: no gateway needed. Feeds the checker made-up answers, good and broken, and
// checks that it passes the good ones and fails the broken ones.
// ---------------------------------------------------------------------------------------------

export function selfTest() {
  const contract = loadContract();
  const headers = (map) => ({ get: (name) => map[name.toLowerCase()] ?? null });
  const J = { 'content-type': 'application/json' };
  const P = { 'content-type': 'application/problem+json' };
  const problem = (status) => ({ type: problemType(status), title: 'T', status, detail: 'D' });
  const account = {
    accountId: 'acc-42', status: 'WARNED', riskScore: 0.93, modelVersion: 'm-20261122121305-fd7ca282', reasons: ['r'], strikes: 1,
    followerCount: 41, followingCount: 28, removed: { follows: 312, likes: 188, comments: 0 }, groupId: null, flaggedApps: ['followboost'],
  };
  const enforcement = {
    id: 'enf-3f9a1c2b7d4e5f60', accountId: 'acc-42', action: 'REMOVE_AND_WARN', strike: 1, status: 'HELD', reasons: ['r'],
    removed: { follows: 0, likes: 0, comments: 0 }, createdAt: '2026-11-22T12:31:06.723839Z', decidedBy: 'guard',
    modelVersion: null, heldReason: 'h', groupId: null, apps: [],
  };
  const note = {
    id: '5f0c6a1e-3b7d-4c2a-9e51-2d8f7b3a6c04', kind: 'FINAL_WARNING', enforcementId: 'enf-3f9a1c2b7d4e5f60', title: 't', body: 'b', actions: ['CHANGE_PASSWORD'],
    apps: ['followboost'], locale: 'en', createdAt: '2026-11-22T10:21:04.518Z', readAt: null, resolvedAt: null, rescindedAt: null,
  };
  const caseSummary = {
    id: 'case-9d2e4b7a1c3f4e6a8b0d2f4a6c8e0b13', kind: 'LOCKSTEP_GROUP', status: 'OPEN', title: 'Lockstep group g-1',
    enforcementIds: ['enf-3f9a1c2b7d4e5f60'], held: 1, removed: { follows: 24, likes: 0, comments: 0 }, receivers: 24,
    createdAt: '2026-11-22T10:31:41.210Z', closedAt: null,
  };
  const appeal = {
    id: 'apl-6b1f0e9c2d7a4c3e8f5a1b2c3d4e5f60', enforcementId: 'enf-3f9a1c2b7d4e5f60', accountId: 'acc-42', status: 'OPEN', message: 'm',
    createdAt: '2026-11-22T12:02:41.307Z', decidedAt: null, decidedBy: null, note: null,
  };
  const audit = { from: null, to: 'PROPOSED', actor: 'model', note: 'r', at: '2026-11-22T10:20:58.114Z' };
  const activity = { accountId: 'acc-42', bucket: 'PT1H', items: [{ at: '2026-11-22T09:00:00Z', app: 'followboost', follows: 168, likes: 97, comments: 0 }] };
  const link = '</api/v1/enforcements?status=HELD&limit=2&after=MTc5NTM0Mjg1OC4xMTQwMDAwMDA6ZW5mLTNmOWExYzJiN2Q0ZTVmNjA>; rel="next"';
  const without = (object, key) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
  const cases = [
    // [name, should pass, method, template, status, headers, body]
    ['account', true, 'get', '/api/v1/accounts/{id}', 200, J, account],
    ['account with an unknown status', false, 'get', '/api/v1/accounts/{id}', 200, J, { ...account, status: 'FROZEN' }],
    ['account without flaggedApps', false, 'get', '/api/v1/accounts/{id}', 200, J, without(account, 'flaggedApps')],
    ['account with negative removed follows', false, 'get', '/api/v1/accounts/{id}', 200, J, { ...account, removed: { follows: -1, likes: 0, comments: 0 } }],
    ['account answered as text/html', false, 'get', '/api/v1/accounts/{id}', 200, { 'content-type': 'text/html' }, '<p>hi</p>'],
    ['account answered with broken JSON', false, 'get', '/api/v1/accounts/{id}', 200, J, '{"accountId":'],
    ['undocumented status 500', false, 'get', '/api/v1/accounts/{id}', 500, P, problem(500)],
    ['404 problem', true, 'get', '/api/v1/accounts/{id}', 404, P, problem(404)],
    ['404 problem of the not-found type', true, 'get', '/api/v1/accounts/{id}', 404, P, { ...problem(404), type: 'https://integrity.dev/problems/not-found' }],
    ['404 problem typed about:blank', false, 'get', '/api/v1/accounts/{id}', 404, P, { ...problem(404), type: 'about:blank' }],
    ['404 problem typed as a conflict', false, 'get', '/api/v1/accounts/{id}', 404, P, { ...problem(404), type: 'https://integrity.dev/problems/conflict' }],
    ['404 problem without detail', false, 'get', '/api/v1/accounts/{id}', 404, P, without(problem(404), 'detail')],
    ['404 as application/json', false, 'get', '/api/v1/accounts/{id}', 404, J, problem(404)],
    ['401 without WWW-Authenticate', false, 'get', '/api/v1/guard', 401, P, problem(401)],
    ['503 with Retry-After', true, 'get', '/api/v1/guard', 503, { ...P, 'retry-after': '5' }, problem(503)],
    ['503 without Retry-After', false, 'get', '/api/v1/guard', 503, P, problem(503)],
    ['guard in an unknown state', false, 'get', '/api/v1/guard', 200, J, { state: 'HALF_OPEN', reason: null, openedAt: null }],
    ['202 ingest result', true, 'post', '/api/v1/events', 202, J, { accepted: 2, duplicates: 1, rejected: [{ index: 3, eventId: null, errors: [{ field: '', message: 'm' }] }] }],
    ['202 without rejected', false, 'post', '/api/v1/events', 202, J, { accepted: 2, duplicates: 1 }],
    ['enforcement list', true, 'get', '/api/v1/enforcements', 200, J, [enforcement]],
    ['enforcement with strike 4', false, 'get', '/api/v1/enforcements', 200, J, [{ ...enforcement, strike: 4 }]],
    ['enforcement with a createdAt that is no date-time', false, 'get', '/api/v1/enforcements', 200, J, [{ ...enforcement, createdAt: 'yesterday' }]],
    ['inbox', true, 'get', '/api/v1/accounts/{id}/notifications', 200, J, [note]],
    ['inbox entry with an unknown kind', false, 'get', '/api/v1/accounts/{id}/notifications', 200, J, [{ ...note, kind: 'HELLO' }]],
    ['inbox entry of a denied appeal', true, 'get', '/api/v1/accounts/{id}/notifications', 200, J, [{ ...note, kind: 'APPEAL_DENIED', actions: [] }]],
    ['inbox entry without enforcementId', false, 'get', '/api/v1/accounts/{id}/notifications', 200, J, [without(note, 'enforcementId')]],
    ['enforcement page with a next link', true, 'get', '/api/v1/enforcements', 200, { ...J, link }, [enforcement]],
    ['enforcement page with a link that is not rel=next', false, 'get', '/api/v1/enforcements', 200, { ...J, link: link.replace('next', 'prev') }, [enforcement]],
    ['enforcement audit', true, 'get', '/api/v1/enforcements/{id}/audit', 200, J, [audit, { ...audit, from: 'PROPOSED', to: 'HELD', actor: 'guard' }]],
    ['audit line to an unknown status', false, 'get', '/api/v1/enforcements/{id}/audit', 200, J, [{ ...audit, to: 'PAUSED' }]],
    ['case page', true, 'get', '/api/v1/cases', 200, J, { items: [caseSummary], next: null }],
    ['case page without next', false, 'get', '/api/v1/cases', 200, J, { items: [caseSummary] }],
    ['case of an unknown kind', false, 'get', '/api/v1/cases', 200, J, { items: [{ ...caseSummary, kind: 'FARM' }], next: null }],
    ['case without its evidence', false, 'get', '/api/v1/cases/{id}', 200, J, { ...caseSummary, impact: [], audit: [] }],
    ['409 for a stale case', true, 'post', '/api/v1/cases/{id}/decide', 409, P, problem(409)],
    ['appeal queue', true, 'get', '/api/v1/appeals', 200, J, [appeal, { ...appeal, status: 'DENIED', decidedAt: '2026-11-22T14:15:09.881Z', decidedBy: 'moderator:m', note: 'n' }]],
    ['appeal in an unknown status', false, 'get', '/api/v1/appeals', 200, J, [{ ...appeal, status: 'WITHDRAWN' }]],
    ['appeal filed', true, 'post', '/api/v1/accounts/{id}/appeals', 201, J, appeal],
    ['429 for too many appeals, with Retry-After', true, 'post', '/api/v1/accounts/{id}/appeals', 429, { ...P, 'retry-after': '86400' }, problem(429)],
    ['account activity', true, 'get', '/api/v1/accounts/{id}/activity', 200, J, activity],
    ['account activity in another bucket size', false, 'get', '/api/v1/accounts/{id}/activity', 200, J, { ...activity, bucket: 'P1D' }],
    ['204 without a body', true, 'post', '/api/v1/accounts/{id}/notifications/{nid}/read', 204, {}, ''],
    ['204 with a body', false, 'post', '/api/v1/accounts/{id}/notifications/{nid}/read', 204, J, { read: true }],
  ];
  let passed = 0;
  let failed = 0;
  for (const [name, shouldPass, method, template, status, map, body] of cases) {
    const problems = checkResponse(contract, method, template,
      { status, headers: headers(map), body: typeof body === 'string' ? body : JSON.stringify(body) });
    const ok = (problems.length === 0) === shouldPass;
    ok ? passed++ : failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  self-test: ${name} is ${shouldPass ? 'accepted' : 'refused'}${problems.length ? ` (${problems.join('; ')})` : ''}`);
  }
  const event = { eventId: 'e-1', type: 'FOLLOW', accountId: 'acc-42', occurredAt: '2026-11-22T10:15:30Z', targetAccountId: 'acc-7' };
  const requests = [
    ['a follow', true, event],
    ['a follow without targetAccountId', false, without(event, 'targetAccountId')],
    ['a login with fields of other types (ignored)', true, { ...event, type: 'LOGIN', targetAccountId: 7, text: 5 }],
    ['a comment without text', false, { ...event, type: 'COMMENT', mediaId: 'm-1' }],
    ['an ip that is no address', false, { ...event, ip: '999.1.1.1' }],
    ['an empty batch', false, []],
  ];
  for (const [name, shouldPass, value] of requests) {
    const problems = checkRequest(contract, 'post', '/api/v1/events', 'application/json', value);
    const ok = (problems.length === 0) === shouldPass;
    ok ? passed++ : failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  self-test: request with ${name} is ${shouldPass ? 'accepted' : 'refused'}`);
  }
  const decision = { decision: 'APPROVE', note: 'one farm', expectedEnforcements: 8 };
  const reviews = [
    ['a case decision', true, '/api/v1/cases/{id}/decide', decision],
    ['a case decision without expectedEnforcements', false, '/api/v1/cases/{id}/decide', without(decision, 'expectedEnforcements')],
    ['a case decision with a blank note', false, '/api/v1/cases/{id}/decide', { ...decision, note: '   ' }],
    ['an appeal', true, '/api/v1/accounts/{id}/appeals', { enforcementId: 'enf-3f9a1c2b7d4e5f60', message: 'not me' }],
    ['an appeal without a message', false, '/api/v1/accounts/{id}/appeals', { enforcementId: 'enf-3f9a1c2b7d4e5f60' }],
    ['an appeal decision of an unknown kind', false, '/api/v1/appeals/{id}/decide', { decision: 'MAYBE', note: 'n' }],
  ];
  for (const [name, shouldPass, template, value] of reviews) {
    const problems = checkRequest(contract, 'post', template, 'application/json', value);
    const ok = (problems.length === 0) === shouldPass;
    ok ? passed++ : failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  self-test: request with ${name} is ${shouldPass ? 'accepted' : 'refused'}`);
  }
  console.log(`contract: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  (process.argv.includes('--self-test') ? Promise.resolve().then(selfTest) : main()).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      console.log('contract: 0 passed, 1 failed');
      process.exit(1);
    },
  );
}
