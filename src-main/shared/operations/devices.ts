// Devices and joining (contract 3.2).
import { z } from 'zod';
import {
  DeviceIdParamSchema,
  DeviceKindSchema,
  DeviceNameSchema,
  DeviceViewSchema,
  PermitJoinSchema,
} from '../devices.js';
import { NoInput, op } from '../operation-def.js';

const ById = z.object({ id: DeviceIdParamSchema });
const OneDevice = DeviceViewSchema;

export const deviceOperations = {
  listDevices: op({
    summary: 'Every registered device: pending, approved and rejected. No secrets.',
    scope: 'control',
    input: NoInput,
    output: z.object({ devices: z.array(DeviceViewSchema) }),
    http: { method: 'get', path: '/api/v1/devices' },
  }),
  getDevice: op({
    summary: 'One device.',
    scope: 'control',
    input: ById,
    output: OneDevice,
    http: { method: 'get', path: '/api/v1/devices/:id' },
    errors: ['unknown_device'],
  }),
  updateDevice: op({
    summary:
      'Gives a device a name people recognise, or says what it is (a device written for the original hub joins without a kind).',
    scope: 'admin',
    input: ById.extend({
      name: DeviceNameSchema.optional(),
      kind: DeviceKindSchema.optional(),
    }).refine(
      (input) => input.name !== undefined || input.kind !== undefined,
      'send a name, a kind, or both',
    ),
    output: OneDevice,
    http: { method: 'patch', path: '/api/v1/devices/:id' },
    errors: ['unknown_device'],
  }),
  removeDevice: op({
    summary: 'Removes a device: its connection is closed at once and its secret revoked.',
    scope: 'admin',
    input: ById,
    output: z.object({ removed: z.string() }),
    http: { method: 'delete', path: '/api/v1/devices/:id' },
    errors: ['unknown_device'],
  }),
  approveDevice: op({
    summary: 'Approves a pending device; it is sent its secret. Approving twice changes nothing.',
    scope: 'admin',
    input: ById,
    output: OneDevice,
    http: { method: 'post', path: '/api/v1/devices/:id/approve' },
    errors: ['unknown_device'],
  }),
  rejectDevice: op({
    summary: 'Rejects a device: connection closed, secret revoked, retained messages cleared.',
    scope: 'admin',
    input: ById,
    output: OneDevice,
    http: { method: 'post', path: '/api/v1/devices/:id/reject' },
    errors: ['unknown_device'],
  }),
  repairDevice: op({
    summary:
      'Re-pairs a device (a factory-reset lock): secret revoked; it joins again, keeping its name.',
    scope: 'admin',
    input: ById,
    output: OneDevice,
    http: { method: 'post', path: '/api/v1/devices/:id/repair' },
    errors: ['unknown_device'],
  }),
  openPermitJoin: op({
    summary:
      'Opens joining for a while (at most 600 s; 0 closes it): devices that hand_shake meanwhile are approved.',
    scope: 'admin',
    input: z.object({ seconds: z.number().int().min(0).max(600) }),
    output: PermitJoinSchema,
    http: { method: 'post', path: '/api/v1/permit-join' },
  }),
  getPermitJoin: op({
    summary: 'Whether joining is open, and for how long.',
    scope: 'admin',
    input: NoInput,
    output: PermitJoinSchema,
    http: { method: 'get', path: '/api/v1/permit-join' },
  }),
} as const;
