// Every code the hub writes, of every family (warnings, activity entries and kinds, action
// problems, HTTP errors, event types, lock results, who did it, built-in actions), worded by the
// panel's own functions with sample parameters: in Chinese with no English sentence and no raw
// code left, in English as a sentence with no raw code. A code the hub adds without words fails
// the type check; one worded with a parameter it does not carry fails here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hubEventTypes } from '../../src-main/shared/events.js';
import {
  actionErrorMessages,
  actionProblems,
} from '../../src-main/shared/messages/action-errors.js';
import {
  activityCodes,
  activityKinds,
  activityMessages,
} from '../../src-main/shared/messages/activity.js';
import { builtInActionNames } from '../../src-main/shared/messages/built-in-actions.js';
import { wordValues, type ParamSpec } from '../../src-main/shared/messages/define-messages.js';
import { errorCodes, httpErrorParams } from '../../src-main/shared/messages/http-errors.js';
import { warningCodes, warningMessages } from '../../src-main/shared/messages/warnings.js';
import { whoKinds } from '../../src-main/shared/who.js';
import { HubApiError } from '../../src-renderer/api/hub-api-error.js';
import { chinese, english, type StringKey } from '../../src-renderer/i18n/catalogue/index.js';
import { fillTemplate, templateNames } from '../../src-renderer/i18n/fill-template.js';
import { translator } from '../../src-renderer/i18n/translate.js';
import { auditRow, historyRow } from '../../src-renderer/views/activity/activity-rows.js';
import { liveRow } from '../../src-renderer/views/activity/live-rows.js';
import { errorText } from '../../src-renderer/views/error-text.js';
import { whoText } from '../../src-renderer/views/home/lock-words.js';
import {
  actionErrorText,
  activityKindText,
  warningText,
} from '../../src-renderer/views/hub-text/hub-text.js';
import type { Speaker } from '../../src-renderer/views/hub-text/speaker.js';
import { AT, ENGLISH, sampleEvents, who } from './sample-events.js';
import { assertChinese, assertEnglish, samplesOf } from './word-checks.js';

const zh: Speaker = { t: translator('zh-CN'), language: 'zh-CN' };
const en: Speaker = { t: translator('en'), language: 'en' };
const speakers = [
  ['zh-CN', zh],
  ['en', en],
] as const;

function check(language: string, text: string, what: string, params = {}, spec: ParamSpec = {}) {
  if (language === 'zh-CN') assertChinese(text, what, params, spec);
  else assertEnglish(text, what, params);
  assert.ok(!text.includes(ENGLISH), `${what}: the hub's English shown instead of words`);
}

/** Every string of a family uses only parameters its code carries, in both languages. */
function assertPlaceholders(prefix: string, specOf: (code: string) => ParamSpec, codes: string[]) {
  for (const code of codes) {
    const allowed = Object.keys(specOf(code));
    for (const table of [english, chinese] as Array<Record<string, string>>) {
      const template = table[`${prefix}.${code}`];
      assert.ok(template, `${prefix}.${code} has words`);
      for (const name of templateNames(template)) {
        assert.ok(allowed.includes(name), `${prefix}.${code} uses {${name}}, not a parameter`);
      }
    }
  }
}

const whoNames = ["Anna's phone", 'Front door', 'Zigbee bridge', 'lock_at_night', 'sensor-7'];

describe('the hub’s codes in the panel’s words', () => {
  test('every warning, with every variant of its parameters', () => {
    assertPlaceholders(
      'warning',
      (code) => warningMessages[code as 'state_corrupt'].params,
      warningCodes,
    );
    for (const code of warningCodes) {
      const spec = warningMessages[code].params;
      for (const params of samplesOf(spec)) {
        for (const [language, speaker] of speakers) {
          const text = warningText({ code, params, message: ENGLISH }, speaker);
          check(language, text, `warning ${code} ${JSON.stringify(params)}`, params, spec);
        }
      }
    }
  });

  test('every activity entry, as the history row shows it', () => {
    assertPlaceholders(
      'activityText',
      (code) => activityMessages[code as 'device_pending'].params,
      activityCodes,
    );
    for (const code of activityCodes) {
      const { kind, params: spec } = activityMessages[code];
      for (const params of samplesOf(spec)) {
        for (const [language, speaker] of speakers) {
          const entry = { seq: 1, at: AT, kind, code, params, message: ENGLISH, by: who.device };
          const row = historyRow(entry, speaker);
          const what = `activity ${code} ${JSON.stringify(params)}`;
          check(language, row.details, what, params, spec);
          check(language, row.kind, `${what} kind`);
          assert.equal(row.who, 'Front door', `${what}: who, by name`);
        }
      }
    }
    for (const kind of activityKinds) {
      check('zh-CN', activityKindText(kind, zh.t), `kind ${kind}`);
      check('en', activityKindText(kind, en.t), `kind ${kind}`);
    }
  });

  test('every action problem, in the history and as the error of running an action', () => {
    assertPlaceholders(
      'actionError',
      (code) => actionErrorMessages[code as 'unknown_action'].params,
      actionProblems,
    );
    for (const problem of actionProblems) {
      const spec = actionErrorMessages[problem].params;
      for (const params of samplesOf(spec)) {
        for (const [language, speaker] of speakers) {
          const what = `action problem ${problem} ${JSON.stringify(params)}`;
          const coded = { code: problem, params, message: ENGLISH };
          check(language, actionErrorText(coded, speaker), what, params, spec);
          const row = historyRow(
            { seq: 1, at: AT, kind: 'action_error', ...coded, by: who.token },
            speaker,
          );
          check(language, row.details, `${what} row`, params, spec);
          const failed = new HubApiError('action_failed', ENGLISH, 422, { problem, ...params });
          check(language, errorText(failed, speaker.t), `${what} over HTTP`, params, spec);
        }
      }
    }
  });

  test('every HTTP error, with and without its parameters', () => {
    const specOf = (code: string): ParamSpec =>
      (httpErrorParams as Record<string, ParamSpec>)[code] ?? {};
    assertPlaceholders('httpError', specOf, errorCodes);
    for (const code of errorCodes) {
      for (const params of [{}, ...samplesOf(specOf(code))]) {
        for (const [language, speaker] of speakers) {
          const error = new HubApiError(code, ENGLISH, 400, params);
          const what = `HTTP error ${code} ${JSON.stringify(params)}`;
          check(language, errorText(error, speaker.t), what, params, specOf(code));
        }
      }
    }
  });

  test('every event type, as the live feed shows it', () => {
    for (const type of hubEventTypes) {
      for (const event of sampleEvents[type]) {
        for (const [language, speaker] of speakers) {
          const row = liveRow({ n: 1, event }, speaker);
          const what = `event ${type} ${JSON.stringify(event.data)}`;
          const shown = { name: 'Front door', id: 'door1', camera: 'cam1', state: 'BEEPING' };
          const quoted = { ...shown, ...(event.data as { params?: object }).params };
          check(language, row.kind, `${what} kind`);
          check(language, row.details, what, quoted);
          // Who: the phone's name, as it was given, or words.
          if (row.who !== '' && row.who !== "Anna's phone") check(language, row.who, `${what} who`);
        }
      }
    }
  });

  test('every lock command and result in the audit log, and who gave it', () => {
    for (const result of wordValues.lockResult) {
      for (const command of wordValues.lockCommand) {
        for (const [language, speaker] of speakers) {
          const entry = {
            seq: 1,
            at: AT,
            lockId: 'door1',
            lockName: 'Front door',
            command,
            source: 'http',
            actor: 'token tok-123 (control)',
            by: who.token,
            result,
            state: 'locked',
            ms: 1200,
          };
          const row = auditRow(entry, speaker);
          const what = `audit ${command} ${result}`;
          check(language, `${row.kind} ${row.details}`, what);
          assert.equal(row.who, "Anna's phone");
          assert.doesNotMatch(
            `${row.who} ${row.details}`,
            /tok-123|http/,
            `${what}: no id, no transport`,
          );
        }
      }
    }
    for (const kind of whoKinds) {
      for (const [language, speaker] of speakers) {
        const text = whoText(who[kind], speaker.t);
        const rest = whoNames.reduce((left, name) => left.split(name).join(''), text);
        // A token's or a device's name is all some say; the rest is worded.
        if (rest.trim() !== '') check(language, text, `who ${kind}`, { ...whoNames });
        if (language === 'zh-CN') assert.doesNotMatch(rest, /[a-z]_[a-z]|owner|hub|client/);
      }
    }
    // The owner signed in in a browser: the owner, with the browser's name as it was given.
    const viaBrowser = { kind: 'owner', via: 'Chrome on Linux' } as const;
    assert.equal(whoText(viaBrowser, en.t), 'the owner (Chrome on Linux)');
    check('zh-CN', whoText(viaBrowser, zh.t), 'who owner via', { via: 'Chrome on Linux' });
  });

  test('every built-in action’s description', () => {
    for (const name of builtInActionNames) {
      const key = `builtInAction.${name}` as StringKey;
      check('zh-CN', zh.t(key), `built-in ${name}`);
      check('en', en.t(key), `built-in ${name}`);
    }
  });

  test('an entry written before codes existed still reads, marked as the hub’s English', () => {
    const old = {
      seq: 7,
      at: AT,
      kind: 'device_pending',
      message: 'Front door (door1) asks to join',
      actor: 'door1',
    };
    const row = historyRow(old, zh);
    assert.equal(row.kind, '请求加入');
    assert.equal(row.details, '（英文原文）Front door (door1) asks to join');
    assert.equal(row.who, 'door1');
    const unknown = historyRow({ ...old, kind: 'something_new', code: 'new_code', params: {} }, zh);
    assert.equal(unknown.kind, '其他');
    assert.match(unknown.details, /^（英文原文）/);
    const audit = auditRow(
      {
        seq: 1,
        at: AT,
        lockId: 'door1',
        lockName: 'Front door',
        command: 'LOCK',
        source: 'http',
        actor: 'token admin (admin)',
        result: 'ok',
        state: 'locked',
        ms: 900,
      },
      zh,
    );
    assert.equal(audit.who, '主人');
  });

  test('catalogue strings pick variants and fill values; unknown braces stay as written', () => {
    const template = '{name} is {state, select, null {unknown} on {on, at {level}%} other {?}}';
    assert.equal(fillTemplate(template, { name: 'Lamp', state: null }), 'Lamp is unknown');
    assert.equal(
      fillTemplate(template, { name: 'Lamp', state: 'on', level: 5 }),
      'Lamp is on, at 5%',
    );
    assert.equal(fillTemplate(template, { name: 'Lamp', state: 'dim' }), 'Lamp is ?');
    assert.equal(fillTemplate('{"state":1} {missing}', {}), '{"state":1} {missing}');
    assert.deepEqual(templateNames(template), ['name', 'state', 'level']);
  });
});
