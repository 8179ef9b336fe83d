// `npm run simulate -- lock|camera [options]`: the command line, checked before anything
// connects so a typo gets one clear line instead of a half-started device.
import { parseArgs } from 'node:util';
import { isValidDeviceId } from '../device-id.js';
import { defaultDeviceId, defaultSecretFile } from './default-paths.js';

export type SimulatedKind = 'lock' | 'camera';

export interface SimulateOptions {
  kind: SimulatedKind;
  id: string;
  url: string;
  name: string;
  secretFile: string;
  /** Lock: every motor run ends JAMMED. */
  jam: boolean;
  /** Lock: how long the motor takes. */
  motorMs: number;
  /** Lock: the battery level at start, in percent. */
  battery: number;
  /** Camera: send a picture every this many seconds (null: only on Enter). */
  everySeconds: number | null;
}

export type ParsedCommandLine = { help: true } | { help: false; options: SimulateOptions };

export const USAGE = `Usage: npm run simulate -- lock|camera [options]

Pretends to be a Hearth device, so you can try the hub without hardware.

  --url URL           the hub's MQTT address (default mqtt://localhost:1883)
  --id ID             the device id, 1-64 of A-Z a-z 0-9 . _ - (default sim-<kind>-<host name>)
  --name NAME         the name the owner sees when it asks to join
  --secret-file PATH  where the device keeps its secret (default: in your config folder)
  --jam               lock: the motor jams on every command (reports JAMMED)
  --motor-ms MS       lock: how long locking and unlocking take (default 800)
  --battery PERCENT   lock: battery level at start (default 100; it drains slowly)
  --every SECONDS     camera: send a picture every SECONDS (it also sends one on Enter)
  -h, --help          this text

Ctrl-C tells the hub the device is offline and exits.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const URL_SCHEMES = new Set(['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'tls:', 'ws:', 'wss:']);

export function parseSimulateArgs(
  argv: readonly string[],
  defaults: { host?: string; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        'secret-file': { type: 'string' },
        jam: { type: 'boolean' },
        'motor-ms': { type: 'string' },
        battery: { type: 'string' },
        every: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };

  const [kind, ...extra] = positionals;
  if (kind !== 'lock' && kind !== 'camera') {
    throw new UsageError(
      kind === undefined
        ? 'say which device to simulate: lock or camera'
        : `unknown device ${JSON.stringify(kind)}: simulate a lock or a camera`,
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (kind !== 'lock') {
    for (const option of ['jam', 'motor-ms', 'battery'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} is for a lock`);
    }
  }
  if (kind !== 'camera' && values.every !== undefined) {
    throw new UsageError('--every is for a camera');
  }

  const id = values.id ?? defaultDeviceId(kind, defaults.host);
  if (!isValidDeviceId(id)) {
    throw new UsageError(`--id ${JSON.stringify(id)}: use 1-64 of A-Z a-z 0-9 . _ -`);
  }
  return {
    help: false,
    options: {
      kind,
      id,
      url: checkUrl(values.url ?? 'mqtt://localhost:1883'),
      // Named after its id when given one (`--id front-door` asks to join as "Front door").
      name:
        values.name ??
        (values.id
          ? nameFromId(values.id)
          : kind === 'lock'
            ? 'Simulated lock'
            : 'Simulated camera'),
      secretFile: values['secret-file'] ?? defaultSecretFile(id, defaults.platform, defaults.env),
      jam: values.jam ?? false,
      motorMs: number('--motor-ms', values['motor-ms'], 800, 0, 60_000),
      battery: number('--battery', values.battery, 100, 0, 100),
      everySeconds:
        values.every === undefined ? null : number('--every', values.every, 0, 0.1, 86_400),
    },
  };
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url ${JSON.stringify(text)} is not a URL; try mqtt://HOST:1883`);
  }
  if (!URL_SCHEMES.has(url.protocol)) {
    throw new UsageError(`--url ${text}: use mqtt://, mqtts://, ws:// or wss://`);
  }
  return text;
}

function number(
  option: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${option} ${JSON.stringify(text)}: give a number from ${min} to ${max}`);
  }
  return value;
}

/** `front-door` → "Front door", `porch_cam.2` → "Porch cam 2": the name a person would give it. */
export function nameFromId(id: string): string {
  const words = id
    .split(/[-_.]+/)
    .filter(Boolean)
    .join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}
