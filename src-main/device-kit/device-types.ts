// The device kit's public types: options, phases and the events a HearthDevice emits.
import type { IClientOptions } from 'mqtt';
import type { BackoffOptions } from './backoff.js';
import type { HearthDeviceError } from './device-error.js';

export type DeviceKind = 'lock' | 'camera' | 'sensor' | 'other';

/**
 * Where the device is in its life:
 * idle → (joining → pending →)? connecting → online ⇄ offline; rejected and stopped are final.
 */
export type DevicePhase =
  /** Not started. */
  | 'idle'
  /** Connected without a secret, asking to join with hand_shake. */
  | 'joining'
  /** The hub answered `pending`: waiting for the owner to approve it. */
  | 'pending'
  /** Connecting with its secret. */
  | 'connecting'
  /** Logged in with its secret, subscribed to its `set` topic, `online` published. */
  | 'online'
  /** The connection is gone; the device tries again after a backoff. */
  | 'offline'
  /** The owner rejected it: it stops trying. */
  | 'rejected'
  /** stop() was called. */
  | 'stopped';

export interface HearthDeviceOptions {
  /** The hub's broker, e.g. `mqtt://192.168.1.10:1883` or `mqtts://…`. */
  url: string;
  /** The device's id and MQTT client id: 1–64 of `A-Z a-z 0-9 . _ -`. */
  id: string;
  kind: DeviceKind;
  /** Shown to the owner when the device asks to join. */
  name?: string;
  /** Where the secret is kept between runs (written 0600, atomically). */
  secretFile: string;
  /** Extra mqtt.js options, e.g. `ca` to pin the hub's certificate. Identity fields are ignored. */
  mqtt?: IClientOptions;
  /** Delay before reconnecting after a lost or refused connection (default 1 s … 30 s). */
  reconnect?: BackoffOptions;
  /** Delay before repeating hand_shake while waiting (default 5 s … 60 s). */
  handShakeRetry?: BackoffOptions;
  /** MQTT keep-alive in seconds (default 30; the hub refuses 0 for devices). */
  keepaliveSeconds?: number;
  /** Give up on a connection attempt after this long (default 10 s). */
  connectTimeoutMs?: number;
}

export interface HearthDeviceEvents {
  /** The phase changed (see DevicePhase). */
  'state-change': [phase: DevicePhase, previous: DevicePhase];
  /** A command on the `set` topic, upper-cased: `LOCK`, `UNLOCK`, `OPEN`, or anything else sent. */
  command: [command: string, payload: Buffer];
  /** The hub approved the device; its secret is stored and it connects with it now. */
  joined: [];
  /** The hub put the device on its pending list; it waits for the owner. */
  pending: [];
  /** The owner rejected the device; it no longer tries. */
  rejected: [];
  /** A reply to one of the device's actions, on `reply/<action>`. */
  reply: [action: string, payload: Buffer];
  /** Something went wrong; the device carries on (emitted only when someone listens). */
  error: [error: HearthDeviceError];
}
