// How the hub's own sentences are defined: a stable code, the parameters it carries (a flat
// record the panel fills into its own translation) and the English the hub writes for its log
// and for API clients. Defining both here, once per code, is what lets the panel's catalogue be
// typed as "one translation per code" and its tests walk every code with sample parameters.
import { z } from 'zod';

/** What a lock command can end in besides the lock's confirmation (contract 2.4). */
export const lockCommandErrors = [
  'unknown_device',
  'not_a_lock',
  'offline',
  'jammed',
  'superseded',
  'no_confirmation',
  'broker_unavailable',
  'not_supported',
] as const;

/** Words the panel translates itself: a parameter of such a kind holds one of these values. */
export const wordValues = {
  deviceKind: ['lock', 'camera', 'sensor', 'other'],
  lockCommand: ['LOCK', 'UNLOCK', 'OPEN'],
  lockResult: ['ok', ...lockCommandErrors],
} as const;

export type WordKind = keyof typeof wordValues;

/**
 * - `text`: shown as it is (a device's name, a file name, an address, an engine's own error);
 * - `number`; `seconds`: a span the panel writes in its own units; `time`: an ISO time;
 * - a word kind: translated by the panel; a list of values: picks a sentence's variant.
 * A trailing `?` means the value may be null.
 */
type BaseKind = 'text' | 'number' | 'seconds' | 'time' | WordKind;
export type ParamKind = BaseKind | `${BaseKind}?` | readonly string[];
export type ParamSpec = Readonly<Record<string, ParamKind>>;

type ValueOf<K> = K extends 'number' | 'seconds'
  ? number
  : K extends WordKind
    ? (typeof wordValues)[K][number]
    : K extends readonly (infer V)[]
      ? V
      : string;

export type ParamsOf<S extends ParamSpec> = {
  [K in keyof S]: S[K] extends `${infer B}?` ? ValueOf<B> | null : ValueOf<S[K]>;
};

/** What goes over the wire: flat, so any client can read it without knowing the codes. */
export const MessageParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);
export type MessageParams = z.infer<typeof MessageParamsSchema>;

export interface MessageDef<S extends ParamSpec = ParamSpec> {
  params: S;
  /** The hub's English, for its log and API clients (the panel has its own words). */
  en: (params: ParamsOf<S>) => string;
}

/** One code's definition; `en` is typed by the parameters declared just before it. */
export function message<const S extends ParamSpec>(
  params: S,
  en: (params: ParamsOf<S>) => string,
): MessageDef<S> {
  return { params, en };
}

/** A definition whose English takes no parameters. */
export function fixed(en: string): MessageDef<Record<never, ParamKind>> {
  return { params: {}, en: () => en };
}
