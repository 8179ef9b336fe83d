// The first-word dispatcher (contract 2.1): listens on the action inboxes, looks the first word
// up in the action table, checks the caller may run it, runs it, and publishes a non-empty
// result (QoS 1) on the topic named by the action — or the device's own reply topic.
import type { InboundMessage, MessageBus } from '../broker/bus.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import type { ActionTable } from './action-table.js';
import type { ActionErrorCategory, ActionProblemOf } from '../../shared/messages/action-errors.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';
import type { ActionResult, Caller } from './action-types.js';
import { RefusalLog } from '../refusal-log.js';
import { NO_NAMES, whoResolver, type WhoOf } from '../who-of.js';
import { actionProblemEnglish, problemOf } from './action-problem.js';
import { parseActionMessage } from './parse-action.js';
import { mayRun } from './permissions.js';

export const ACTION_INBOX_TOPIC = 'hearth/action';
export const DEVICE_ACTION_INBOX_FILTER = 'hearth/devices/+/action';

export type RunOutcome =
  | { ok: true; reply: string | null }
  | { ok: false; code: RefusalCode; message: string; problem: ActionProblemOf };

/** The coarse codes the dispatcher refuses with (`action_file` is the file loader's). */
export type RefusalCode = Exclude<ActionErrorCategory, 'action_file'>;

export class ActionDispatcher {
  private readonly unsubscribes: Array<() => void> = [];
  // A client repeating a refused message in a loop must not fill the log (the event and the
  // activity history still count each one).
  private readonly refusalLog: RefusalLog;

  constructor(
    private readonly bus: MessageBus,
    private readonly table: ActionTable,
    private readonly events: EventBus,
    private readonly log: Logger,
    private readonly whoOf: WhoOf = whoResolver(NO_NAMES),
  ) {
    this.refusalLog = new RefusalLog(log);
  }

  start(): void {
    this.unsubscribes.push(
      this.bus.subscribe(ACTION_INBOX_TOPIC, (message) => void this.onMessage(message)),
      this.bus.subscribe(DEVICE_ACTION_INBOX_FILTER, (message) => void this.onMessage(message)),
    );
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Runs an action for any caller (MQTT, HTTP, the desktop window): one code path for all. */
  async run(
    name: string,
    args: string[],
    caller: Caller,
    text?: string,
    raw?: { topic: string; payload: Buffer },
  ): Promise<RunOutcome> {
    const action = this.table.get(name.toLowerCase());
    if (!action) {
      return this.refuse(
        'unknown_action',
        { problem: 'unknown_action', params: { action: name } },
        name,
        caller,
      );
    }
    if (!mayRun(action, caller)) {
      return this.refuse(
        'forbidden',
        { problem: 'not_allowed', params: { action: action.name, caller: describe(caller) } },
        action.name,
        caller,
      );
    }
    try {
      const result = await action.run({
        name: action.name,
        args,
        text: text ?? [action.name, ...args].join(' '),
        caller,
        ...raw,
      });
      return { ok: true, reply: toReply(result) };
    } catch (error) {
      return this.refuse('action_failed', problemOf(action.name, error), action.name, caller);
    }
  }

  private async onMessage(message: InboundMessage): Promise<void> {
    if (!message.principal) return;
    const caller = message.principal;
    const deviceTopicId = deviceIdOfInbox(message.topic);
    // A device may only use its own inbox; the broker's rules already say so, and this keeps
    // the dispatcher safe on an external broker whose rules we do not control.
    if (
      deviceTopicId !== null &&
      !(caller.kind === 'device' && caller.deviceId === deviceTopicId)
    ) {
      this.refuse(
        'forbidden',
        { problem: 'wrong_inbox', params: { caller: describe(caller), topic: message.topic } },
        '?',
        caller,
      );
      return;
    }
    const parsed = parseActionMessage(message.payload);
    if (!parsed.ok) {
      this.refuse('bad_message', parsed.problem, '?', caller);
      return;
    }
    const outcome = await this.run(parsed.name, parsed.args, caller, parsed.text, {
      topic: message.topic,
      payload: message.payload,
    });
    if (!outcome.ok || outcome.reply === null) return;
    const topic =
      caller.kind === 'device'
        ? `hearth/devices/${caller.deviceId}/reply/${parsed.name}`
        : parsed.name;
    try {
      await this.bus.publish(topic, outcome.reply, { qos: 1 });
    } catch (error) {
      this.log.warn('could not publish an action reply', { topic, error });
    }
  }

  private refuse(
    code: RefusalCode,
    problem: ActionProblemOf,
    action: string,
    caller: Caller,
  ): RunOutcome {
    const message = actionProblemEnglish(problem.problem, problem.params);
    this.refusalLog.note('info', `${code}:${describe(caller)}`, `action refused: ${message}`, {
      code,
    });
    this.events.emit('action_error', {
      action,
      code,
      message,
      caller: describe(caller),
      problem: problem.problem,
      params: problem.params as MessageParams,
      by: this.whoOf(caller),
    });
    return { ok: false, code, message, problem };
  }
}

function deviceIdOfInbox(topic: string): string | null {
  const match = /^hearth\/devices\/([^/]+)\/action$/.exec(topic);
  return match ? match[1]! : null;
}

function toReply(result: ActionResult): string | null {
  if (result === undefined || result === null) return null;
  if (typeof result === 'object') return JSON.stringify(result);
  return String(result);
}

export function describe(caller: Caller): string {
  switch (caller.kind) {
    case 'local':
      return 'the desktop app';
    case 'device':
      return `device ${caller.deviceId}`;
    case 'token':
      return `token ${caller.tokenId} (${caller.scope})`;
    case 'integration':
      return `integration ${caller.integrationId}`;
  }
}
