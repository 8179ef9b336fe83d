// Friendly terminal output for a simulated device: what it is doing, and for each problem what
// the person running it can do about it. Repeated failures while retrying are said once.
import type { HearthDeviceError } from '../device-error.js';
import type { HearthDevice } from '../hearth-device.js';
import type { DevicePhase } from '../device-types.js';

export interface Narration {
  say(line: string): void;
  warn(line: string): void;
}

export function narrate(device: HearthDevice, url: string, out: Narration): void {
  let lastProblem = '';
  const problem = (line: string): void => {
    if (line === lastProblem) return;
    lastProblem = line;
    out.warn(line);
  };

  // While retrying, the same step is said once, not on every attempt.
  let lastStep = '';
  device.on('state-change', (phase: DevicePhase, previous: DevicePhase) => {
    if (phase === 'online' || phase === 'pending') lastProblem = '';
    const line = phaseLine(device, url, phase, previous);
    if (!line || line === lastStep) return;
    lastStep = phase === 'online' || phase === 'pending' ? '' : line;
    out.say(line);
  });
  device.on('pending', () =>
    out.say(
      `Waiting for the owner to approve ${device.id} in the Hearth panel… ` +
        '(or open joining there first: Devices → Let devices join)',
    ),
  );
  device.on('joined', () => out.say(`Approved. Secret saved in ${device.secretFile}.`));
  device.on('rejected', () =>
    out.warn(
      `The owner rejected ${device.id}. To try again, remove it in the Hearth panel ` +
        '(Devices) and run the simulator again, or use another --id.',
    ),
  );
  device.on('error', (error) => problem(explain(device, url, error)));
}

function phaseLine(
  device: HearthDevice,
  url: string,
  phase: DevicePhase,
  previous: DevicePhase,
): string | null {
  switch (phase) {
    case 'joining':
      return `Asking the hub at ${url} to let ${device.id} join…`;
    case 'connecting':
      return `Logging in to ${url} as ${device.id} with its secret…`;
    case 'online':
      return `Online as ${device.id}.`;
    case 'offline':
      return null; // the error that caused it says more
    case 'stopped':
      return previous === 'online'
        ? `Stopped: the hub has been told ${device.id} is offline.`
        : 'Stopped.';
    default:
      return null;
  }
}

function explain(device: HearthDevice, url: string, error: HearthDeviceError): string {
  switch (error.code) {
    case 'unreachable':
      return (
        `Cannot reach the hub at ${url} (${error.cause instanceof Error ? error.cause.message : error.message}). ` +
        'Is it running? Start it with `npm run hub`, or pass --url mqtt://HOST:PORT. Retrying…'
      );
    case 'secret-refused':
      return (
        `The hub no longer accepts ${device.id}'s secret (the owner re-paired or removed it). ` +
        'The old secret was forgotten; joining again…'
      );
    case 'refused':
      if (error.connackCode === 5) {
        return (
          `The hub refused ${device.id} (not authorized). If it was approved before and its ` +
          'secret file is gone, re-pair it in the Hearth panel or run with another --id. ' +
          'If another copy is running with this id, stop it. Retrying…'
        );
      }
      return `The hub refused ${device.id}: ${error.message}. Retrying…`;
    case 'secret-file':
      return (
        `${error.message}: ${error.cause instanceof Error ? error.cause.message : ''}. ` +
        'Pass --secret-file PATH to keep the secret somewhere writable.'
      );
    default:
      return error.message;
  }
}
