// The action host: the process that runs action files' code, started by the hub under Node's
// permission model (read its own folder only; no writes, no child processes, no workers) with
// an empty environment. It must stay self-contained (type imports only): the permission model
// lets it read this one script and the actions folder, nothing else.
import type { ActionMessage, FileReport, HubToHost } from './host-protocol.js';

type Send = (message: unknown) => void;

const MAX_REPLY_CHARS = 256 * 1024;

// The channel to the hub: a forked child's IPC (process.send), or in the desktop app
// Electron's utilityProcess port (process.parentPort). Taken before any action code runs.
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const rawSend = parentPort
  ? (message: unknown) => parentPort.postMessage(message)
  : process.send?.bind(process);
if (!rawSend) throw new Error('the action host must be started with an IPC channel');
const send: Send = (message) => {
  rawSend(message);
};
const onHubMessage = (listener: (message: HubToHost) => void): void => {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as HubToHost));
  else process.on('message', listener);
};

const exit = process.exit.bind(process);

// An action must not end or signal processes (the permission model does not stop signals):
// these become errors the action sees, and the host keeps serving the next message.
const refuse = (what: string) => (): never => {
  throw new Error(`${what} is not allowed in an action`);
};
const proc = process as unknown as Record<string, unknown>;
for (const name of ['exit', 'reallyExit', 'abort', 'kill', '_kill', 'dlopen', 'binding']) {
  Object.defineProperty(process, name, { value: refuse(`process.${name}`), configurable: false });
}
proc['chdir'] = refuse('process.chdir');

let nextApiId = 1;
const apiWaits = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (e: Error) => void }
>();

function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 4000);
    return `thrown value: ${String(error)}`.slice(0, 4000);
  } catch {
    return 'an error that cannot be described';
  }
}

function toReply(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  try {
    text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch (error) {
    throw new Error(`the reply cannot be converted to text (${describeError(error)})`, {
      cause: error,
    });
  }
  if (typeof text !== 'string') throw new Error('the reply cannot be converted to text');
  if (text.length > MAX_REPLY_CHARS) {
    throw new Error(`the reply is ${text.length} characters; the limit is ${MAX_REPLY_CHARS}`);
  }
  return text;
}

function hubFor(callId: number): Record<string, unknown> {
  const api = (op: string, ...args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextApiId++;
      apiWaits.set(id, { resolve, reject });
      send({ type: 'api', id, callId, op, args });
    });
  return Object.freeze({
    publish: (topic: unknown, payload: unknown) => api('publish', topic, payload),
    devices: () => api('devices'),
    lock: (id: unknown) => api('lock', id),
    unlock: (id: unknown) => api('unlock', id),
    store: Object.freeze({
      get: (key: unknown) => api('get', key),
      set: (key: unknown, value: unknown) => api('set', key, value),
    }),
    // Often not awaited: a log line after the call ended must not become an unhandled rejection.
    log: (...parts: unknown[]) =>
      api(
        'log',
        parts.map((part) => (typeof part === 'string' ? part : safeJson(part))).join(' '),
      ).catch(() => null),
  });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

async function inspect(url: string): Promise<FileReport> {
  const module = (await import(url)) as Record<string, unknown>;
  const report: FileReport = { functions: [], others: [], devices: [] };
  for (const [exportName, value] of Object.entries(module)) {
    if (exportName === 'devices') {
      report.devices = Array.isArray(value) ? value.map((item) => String(item)) : typeof value;
    } else if (typeof value === 'function') {
      const own = (value as { actionName?: unknown }).actionName;
      const fallback = exportName === 'default' && value.name !== 'default' ? value.name : null;
      report.functions.push({
        exportName,
        actionName: typeof own === 'string' ? own : fallback || null,
        length: value.length,
      });
    } else {
      report.others.push({ exportName, type: value === null ? 'null' : typeof value });
    }
  }
  return report;
}

async function call(url: string, exportName: string, message: ActionMessage, id: number) {
  const module = (await import(url)) as Record<string, unknown>;
  const action = module[exportName];
  if (typeof action !== 'function') throw new Error(`${exportName} is not a function`);
  const frozen = Object.freeze({ ...message, args: Object.freeze([...message.args]) });
  return toReply(await (action as (m: unknown, h: unknown) => unknown)(frozen, hubFor(id)));
}

onHubMessage((raw) => {
  switch (raw.type) {
    case 'inspect':
      inspect(raw.url).then(
        (report) => send({ type: 'inspected', id: raw.id, ok: true, report }),
        (error: unknown) =>
          send({ type: 'inspected', id: raw.id, ok: false, error: describeError(error) }),
      );
      return;
    case 'call':
      call(raw.url, raw.exportName, raw.message, raw.id).then(
        (reply) => send({ type: 'result', id: raw.id, ok: true, reply }),
        (error: unknown) =>
          send({ type: 'result', id: raw.id, ok: false, error: describeError(error) }),
      );
      return;
    case 'api-result': {
      const wait = apiWaits.get(raw.id);
      apiWaits.delete(raw.id);
      if (raw.ok) wait?.resolve(raw.value);
      else wait?.reject(new Error(raw.error));
      return;
    }
  }
});

// Code that throws later (a timer) or rejects unobserved must not end the host for everyone.
process.on('uncaughtException', (error) =>
  send({ type: 'stray-error', error: describeError(error) }),
);
process.on('unhandledRejection', (error) =>
  send({ type: 'stray-error', error: describeError(error) }),
);
// The hub went away: nothing left to serve. (process.exit was replaced above; a
// utilityProcess ends with its parent.)
process.on('disconnect', () => exit(0));

send({ type: 'ready' });
