// What an action is: the original hub's "functions loaded from files", called by the first
// word of a message, whose return value is published on the topic named by that word.
import type { Principal } from '../broker/access.js';

/** Who may run an action (contract 2.1). `anyone` means anyone logged in. */
export type ActionPermission = 'anyone' | 'control' | 'admin';

export interface ActionCall {
  /** The case-folded first word. */
  name: string;
  /** The remaining words. */
  args: string[];
  /** The whole message text, for actions that parse it themselves. */
  text: string;
  caller: Caller;
  /** The inbox topic and the raw bytes, when the call came over MQTT (action files see them). */
  topic?: string;
  payload?: Buffer;
}

/** Who asked: an MQTT principal, or the desktop window (local, trusted as admin). */
export type Caller = Principal | { kind: 'local' };

export type ActionResult = string | number | boolean | null | undefined | object;

export interface ActionDefinition {
  name: string;
  description: string;
  permission: ActionPermission;
  /** Whether devices (not only token clients) may run it. Off unless an action says so. */
  devicesMayRun: boolean;
  source: 'built-in' | { file: string };
  run(call: ActionCall): ActionResult | Promise<ActionResult>;
}

export const ACTION_NAME = /^[a-z0-9_-]{1,64}$/;
