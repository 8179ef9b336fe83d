// The device kit: everything a JavaScript device needs to talk to a Hearth hub.
export { HearthDevice } from './hearth-device.js';
export type {
  DeviceKind,
  DevicePhase,
  HearthDeviceEvents,
  HearthDeviceOptions,
} from './device-types.js';
export { HearthDeviceError, describeConnack, type DeviceErrorCode } from './device-error.js';
export { Backoff, type BackoffOptions } from './backoff.js';
export { deviceTopics, ACTION_INBOX, type DeviceTopics } from './topics.js';
export { isValidDeviceId, cleanDeviceName, toDeviceIdPart } from './device-id.js';
export { parseHandShakeReply, type HandShakeReply } from './handshake-reply.js';
export { readSecret, writeSecret, forgetSecret, SECRET_FILE_MODE } from './secret-file.js';
