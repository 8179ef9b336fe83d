// Devices as the API, the panel and the retained `hearth/devices` topic show them (no secrets).
import { z } from 'zod';

export const DeviceKindSchema = z.enum(['lock', 'camera', 'sensor', 'other']);
export const DeviceStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export const AvailabilitySchema = z.enum(['online', 'offline']);

export const DeviceIdParamSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a device id is 1-64 of A-Z a-z 0-9 - _ .');

export const DeviceNameSchema = z.string().trim().min(1, 'a name cannot be empty').max(64);

export const DeviceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: DeviceKindSchema,
  status: DeviceStatusSchema,
  availability: AvailabilitySchema,
  /** Lower case: for a lock one of locked, unlocked, locking, unlocking, jammed, unknown. */
  state: z.string(),
  /** When the device reported that state (null: never). */
  stateAt: z.string().nullable(),
  battery: z.number().int().nullable(),
  lastSeen: z.string().nullable(),
  joinedAt: z.string(),
  /** The address its hand_shake came from, so the owner can tell who is asking. */
  address: z.string().nullable(),
  /** Reached through a bridge (Home Assistant discovery, Frigate); null for Hearth's own devices. */
  bridge: z
    .object({
      source: z.enum(['ha-discovery', 'frigate']),
      /** The integration account that announced it (null on an external broker). */
      integrationId: z.string().nullable(),
      model: z.string().nullable(),
      /** Its config was withdrawn: removing it waits for the owner. */
      removalRequested: z.boolean(),
    })
    .nullable(),
});

export const PermitJoinSchema = z.object({
  open: z.boolean(),
  secondsLeft: z.number().int(),
  until: z.string().nullable(),
});

export type DeviceKind = z.infer<typeof DeviceKindSchema>;
export type DeviceView = z.infer<typeof DeviceViewSchema>;
export type PermitJoinView = z.infer<typeof PermitJoinSchema>;
