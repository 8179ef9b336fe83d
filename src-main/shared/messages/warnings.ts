// Every warning the hub raises (GET /status, `warning` events): its code, its parameters and
// the hub's English. The codes are part of the API; the panel words each one itself.
import { fixed, message, type ParamsOf } from './define-messages.js';

/** "3 min", "2 h 5 min", "40 s": how the hub's English writes a span. */
export function spanText(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${whole} s`;
}

const clock = (iso: string): string => iso.slice(11, 19);
const STATE = 'state.json';
const BACKUP = 'state.json.bak';

export const warningMessages = {
  state_corrupt: message(
    {
      outcome: ['backup_loaded', 'defaults'],
      reason: 'text?',
      movedTo: 'text?',
      backupReason: 'text?',
      backupMovedTo: 'text?',
    },
    (p) => {
      const main =
        p.reason === null
          ? `${STATE} was missing`
          : `${STATE} could not be used (${p.reason}); it was moved to ${p.movedTo}`;
      if (p.outcome === 'backup_loaded')
        return `${main}; the last good copy (${BACKUP}) was loaded`;
      const backup =
        p.backupReason === null
          ? `there is no ${BACKUP}`
          : `${BACKUP} could not be used (${p.backupReason}); it was moved to ${p.backupMovedTo}`;
      return `${main}; ${backup}; the hub started from default settings`;
    },
  ),
  state_restored: fixed(`${STATE} was missing; the last good copy (${BACKUP}) was loaded`),
  state_backup_corrupt: message(
    { reason: 'text', movedTo: 'text' },
    (p) =>
      `${BACKUP} could not be used (${p.reason}); it was moved to ${p.movedTo}; ${STATE} is fine`,
  ),
  state_not_saved: message(
    { reason: 'text', folder: 'text' },
    (p) =>
      `The hub could not save its state (${p.reason}); nothing was changed. Free some disk space or make the data folder writable (${p.folder}).`,
  ),
  state_backup_failed: message(
    { reason: 'text' },
    (p) =>
      `${BACKUP} could not be refreshed (${p.reason}); the last good copy is older than the state`,
  ),
  tls_certificate_replaced: message(
    { error: 'text' },
    (p) =>
      `The hub's TLS certificate could not be read (${p.error}); a new one was made. Devices that pinned the old fingerprint must be given the new one.`,
  ),
  action_code_pending: message(
    { file: 'text', sha256: 'text' },
    (p) => `${p.file} arrived as remote code; it runs once you confirm its SHA-256 ${p.sha256}`,
  ),
  strangers_disk_full: message(
    { folder: 'text' },
    (p) =>
      `The disk holding ${p.folder} is full: stranger pictures are not being stored. Free some space or lower the stranger retention settings.`,
  ),
  devices_without_secret: fixed(
    'Devices may connect without a secret ("allow devices without secret" is on): anyone on the network can pose as an approved device. Turn it off once your old devices are replaced.',
  ),
  broker_unavailable: message(
    { state: ['unavailable', 'displaced'], broker: 'text', error: 'text?' },
    (p) => {
      const why = p.error ? `: ${p.error}` : '';
      return p.state === 'displaced'
        ? `This hub has stopped acting on ${p.broker}${why}`
        : `The MQTT broker at ${p.broker} is unavailable${why}. Locks cannot be commanded until it is back; Hearth keeps retrying by itself.`;
    },
  ),
  broker_not_in_step: message(
    {
      problem: ['config_not_written', 'secret_not_sent'],
      folder: 'text?',
      error: 'text?',
      devices: 'text?',
      count: 'number?',
    },
    (p) =>
      p.problem === 'config_not_written'
        ? `The broker's configuration in ${p.folder} could not be updated (${p.error}); devices that joined or left since are not known to the broker yet.`
        : `The broker's dynamic-security plugin could not be given the secret of ${p.devices} (Hearth restarted before it was sent); re-pair ${p.count === 1 ? 'it' : 'them'}.`,
  ),
  low_battery: message(
    { name: 'text', battery: 'number' },
    (p) => `${p.name}'s battery is at ${p.battery}%: replace it soon.`,
  ),
  unlocked_too_long: message(
    { name: 'text', seconds: 'seconds', relock: 'lockResult?', detail: 'text?' },
    (p) =>
      p.relock === null
        ? `${p.name} has been unlocked for more than ${spanText(p.seconds)}.`
        : `${p.name} has been unlocked for more than ${spanText(p.seconds)} and could not be locked again: ${p.detail}`,
  ),
  hub_was_away: message(
    { seconds: 'seconds', from: 'time', to: 'time' },
    (p) =>
      `Hearth was not running for ${spanText(p.seconds)} (${clock(p.from)}–${clock(p.to)} UTC; the computer slept or the hub was frozen), ` +
      'so nobody answered the door meanwhile. Lock states are what each lock last reported; a lock that dropped off shows offline until it reconnects and reports again.',
  ),
};

export type WarningCode = keyof typeof warningMessages;
export const warningCodes = Object.keys(warningMessages) as WarningCode[];
export type WarningParams<C extends WarningCode> = ParamsOf<(typeof warningMessages)[C]['params']>;
