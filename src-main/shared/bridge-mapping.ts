// A device Hearth did not make: a lock or camera announced by Home Assistant MQTT discovery
// (ESPHome, Tasmota, Zigbee2MQTT, Nuki), or a Frigate camera. Its mapping says which topics and
// payloads Hearth uses for it instead of the hearth/devices/<id>/… ones of contract 2.2. It is
// kept in the device record (state.json) and checked with this schema wherever it is read.
import { z } from 'zod';

/** A concrete MQTT topic: no wildcards, never the hub's own (`hearth/…`) or the broker's (`$…`). */
export const BridgeTopicSchema = z
  .string()
  .min(1)
  .max(256)
  .refine((topic) => !/[+#]/.test(topic) && !topic.includes('\u0000'), 'a topic has no wildcards')
  .refine((topic) => !topic.startsWith('$'), '$ topics are the broker’s')
  .refine((topic) => topic !== 'hearth' && !topic.startsWith('hearth/'), 'hearth/ is the hub’s');

/**
 * Turns a payload into the value compared with the state words: `null` is the payload itself;
 * otherwise a path into its JSON (`{{ value_json.state }}` is ['state'],
 * `{{ value_json['lock']['state'] }}` is ['lock', 'state']). Templates Hearth does not support
 * are refused when the config arrives, never guessed.
 */
export const ValuePathSchema = z.array(z.string().min(1).max(64)).max(8).nullable();

export const AvailabilityTopicSchema = z.strictObject({
  topic: BridgeTopicSchema,
  payloadAvailable: z.string().max(64),
  payloadNotAvailable: z.string().max(64),
  valuePath: ValuePathSchema,
});

export const LockMappingSchema = z.strictObject({
  commandTopic: BridgeTopicSchema,
  /** Null for an optimistic lock: it cannot say what it did, so no command is ever "confirmed". */
  stateTopic: BridgeTopicSchema.nullable(),
  payloadLock: z.string().max(256),
  payloadUnlock: z.string().max(256),
  /** Null: the lock cannot unlatch (OPEN is refused). */
  payloadOpen: z.string().max(256).nullable(),
  /** The words its state topic uses (after valuePath), per Hearth state. */
  states: z.strictObject({
    LOCKED: z.string().max(64),
    UNLOCKED: z.string().max(64),
    LOCKING: z.string().max(64),
    UNLOCKING: z.string().max(64),
    JAMMED: z.string().max(64),
  }),
  valuePath: ValuePathSchema,
  /** Where its JSON state carries a battery level (Zigbee2MQTT: ['battery']), if anywhere. */
  batteryPath: ValuePathSchema,
});

export const CameraMappingSchema = z.strictObject({
  /** Picture bytes (or base64 text, per encoding) published on this topic. */
  imageTopic: BridgeTopicSchema.nullable(),
  encoding: z.enum(['raw', 'b64']),
  /** A topic carrying an http(s) URL of the picture, fetched with the picture limits. */
  urlTopic: BridgeTopicSchema.nullable(),
});

export const BridgeMappingSchema = z.strictObject({
  source: z.enum(['ha-discovery', 'frigate']),
  /** The integration account that announced it; null on an external broker (not known). */
  integrationId: z.string().max(64).nullable(),
  /** The discovery config topic it came from (an empty retained config there removes it). */
  configTopic: z.string().max(512).nullable(),
  /** The manufacturer and model the config named, for the owner. */
  model: z.string().max(128).nullable(),
  availability: z
    .strictObject({
      topics: z.array(AvailabilityTopicSchema).max(8),
      mode: z.enum(['all', 'any', 'latest']),
    })
    .nullable(),
  lock: LockMappingSchema.nullable(),
  camera: CameraMappingSchema.nullable(),
  /** Frigate's name for the camera (frigate/<camera>/…). */
  frigateCamera: z.string().max(64).nullable(),
  /** Its config was withdrawn (an empty retained config): waiting for the owner to confirm removal. */
  removalRequested: z.boolean(),
});

export type BridgeTopic = z.infer<typeof BridgeTopicSchema>;
export type ValuePath = z.infer<typeof ValuePathSchema>;
export type LockMapping = z.infer<typeof LockMappingSchema>;
export type CameraMapping = z.infer<typeof CameraMappingSchema>;
export type BridgeMapping = z.infer<typeof BridgeMappingSchema>;
