// Every entry the activity history holds: its kind (what the Activity view filters by; part of
// the API), its code (exactly what happened), the parameters and the hub's English. Entries of
// kind `warning` and `action_error` carry a code of those families instead (see entryFamily).
import { message, type ParamsOf } from './define-messages.js';

export const activityKinds = [
  'device_pending',
  'device_joined',
  'device_rejected',
  'device_updated',
  'device_left',
  'device_withdrawn',
  'permit_join',
  'warning',
  'action_error',
  'mqtt_refused',
  'secret_withheld',
  'bad_state_report',
  'stranger_refused',
  'discovery_refused',
  'frigate_refused',
  'frigate_not_a_stranger',
  'frigate_no_snapshot',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Stranger pictures are refused with the same opening whatever the reason. */
const pictureFrom = (p: { camera: string; via: string }, why: string): string =>
  `picture from ${p.camera} over ${p.via} refused: ${why}`;
const frigate = (topic: string, why: string): string =>
  `Frigate message on ${topic} refused: ${why}`;
const VIA = ['mqtt', 'http'] as const;

function entry<const K extends ActivityKind, D extends { params: object }>(kind: K, def: D) {
  return { kind, ...def };
}

export const activityMessages = {
  device_pending: entry(
    'device_pending',
    message({ name: 'text', id: 'text' }, (p) => `${p.name} (${p.id}) asks to join`),
  ),
  device_joined: entry(
    'device_joined',
    message({ name: 'text', id: 'text' }, (p) => `${p.name} (${p.id}) was approved`),
  ),
  device_rejected: entry(
    'device_rejected',
    message({ name: 'text', id: 'text' }, (p) => `${p.name} (${p.id}) was rejected`),
  ),
  device_updated: entry(
    'device_updated',
    message(
      { name: 'text', id: 'text', deviceKind: 'deviceKind' },
      (p) => `${p.id} is now ${p.name} (${p.deviceKind})`,
    ),
  ),
  device_left: entry(
    'device_left',
    message({ id: 'text', name: 'text' }, (p) => `device ${p.id} was removed`),
  ),
  device_withdrawn: entry(
    'device_withdrawn',
    message(
      { name: 'text' },
      (p) => `${p.name}'s bridge withdrew it; confirm its removal in Devices`,
    ),
  ),
  permit_join_opened: entry(
    'permit_join',
    message({ seconds: 'seconds' }, (p) => `joining is open for ${p.seconds} s`),
  ),
  permit_join_closed: entry(
    'permit_join',
    message({}, () => 'joining is closed'),
  ),
  mqtt_connect_refused: entry(
    'mqtt_refused',
    message(
      {
        who: 'text',
        address: 'text',
        returnCode: 'number',
        refusal: ['identifier_rejected', 'bad_credentials', 'not_authorized'],
        reason: 'text',
      },
      (p) =>
        `MQTT connection refused (CONNACK ${p.returnCode}) for ${p.who} from ${p.address}: ${p.reason}`,
    ),
  ),
  mqtt_publish_refused: entry(
    'mqtt_refused',
    message(
      { who: 'text', topic: 'text', reason: 'text' },
      (p) => `MQTT publish to "${p.topic}" refused for ${p.who}; disconnected: ${p.reason}`,
    ),
  ),
  mqtt_subscribe_refused: entry(
    'mqtt_refused',
    message(
      { who: 'text', topic: 'text' },
      (p) => `MQTT subscription to "${p.topic}" refused for ${p.who}`,
    ),
  ),
  secret_withheld: entry(
    'secret_withheld',
    message(
      { id: 'text', address: 'text', joinedFrom: 'text?' },
      (p) =>
        `hand_shake for ${p.id} came from ${p.address}, but it joined from ${p.joinedFrom ?? 'elsewhere'}: secret not sent (re-pair the device if it moved)`,
    ),
  ),
  lock_bad_state: entry(
    'bad_state_report',
    message(
      { id: 'text' },
      (p) =>
        `lock ${p.id} reported a state that is not LOCKED, UNLOCKED, LOCKING, UNLOCKING or JAMMED`,
    ),
  ),
  device_bad_state: entry(
    'bad_state_report',
    message(
      { id: 'text' },
      (p) => `device ${p.id} reported a state that is not a word or {"state","battery"} JSON`,
    ),
  ),
  bridged_bad_state: entry(
    'bad_state_report',
    message(
      { name: 'text', value: 'text' },
      (p) => `${p.name} reported "${p.value}", which its bridge did not announce as a lock state`,
    ),
  ),
  picture_not_a_camera: entry(
    'stranger_refused',
    message({ camera: 'text', via: VIA }, (p) =>
      pictureFrom(p, `${p.camera} is not an approved camera`),
    ),
  ),
  picture_too_large: entry(
    'stranger_refused',
    message({ camera: 'text', via: VIA, limit: 'number' }, (p) =>
      pictureFrom(p, `the picture is over ${p.limit} bytes`),
    ),
  ),
  picture_not_a_picture: entry(
    'stranger_refused',
    message({ camera: 'text', via: VIA, detail: 'text' }, (p) => pictureFrom(p, p.detail)),
  ),
  picture_busy: entry(
    'stranger_refused',
    message({ camera: 'text', via: VIA }, (p) =>
      pictureFrom(p, 'too many pictures are waiting to be stored'),
    ),
  ),
  picture_disk_full: entry(
    'stranger_refused',
    message({ camera: 'text', via: VIA }, (p) =>
      pictureFrom(p, 'the disk is full; the picture was not stored'),
    ),
  ),
  picture_not_stored: entry(
    'stranger_refused',
    message({ camera: 'text', via: VIA }, (p) => pictureFrom(p, 'the picture could not be stored')),
  ),
  picture_not_its_own: entry(
    'stranger_refused',
    message(
      { topic: 'text' },
      (p) => `a picture on ${p.topic} did not come from that device itself`,
    ),
  ),
  picture_not_fetched: entry(
    'stranger_refused',
    message(
      { name: 'text', detail: 'text' },
      (p) => `${p.name}'s picture was not taken: ${p.detail}`,
    ),
  ),
  discovery_not_an_integration: entry(
    'discovery_refused',
    message(
      { topic: 'text' },
      (p) =>
        `discovery config on ${p.topic} refused: only an integration account (or an admin token) may announce devices`,
    ),
  ),
  discovery_burst: entry(
    'discovery_refused',
    message(
      { topic: 'text' },
      (p) =>
        `discovery config on ${p.topic} refused: too many configs at once; the rest of this burst is ignored`,
    ),
  ),
  discovery_unknown_topic: entry(
    'discovery_refused',
    message(
      { topic: 'text' },
      (p) => `discovery config on ${p.topic} refused: not a discovery topic Hearth understands`,
    ),
  ),
  /** `detail` is the config problem in the bridge's own terms (a field, a template). */
  discovery_bad_config: entry(
    'discovery_refused',
    message(
      { topic: 'text', detail: 'text' },
      (p) => `discovery config on ${p.topic} refused: ${p.detail}`,
    ),
  ),
  frigate_not_an_integration: entry(
    'frigate_refused',
    message({ topic: 'text' }, (p) =>
      frigate(
        p.topic,
        'only an integration account made for Frigate may publish its events and snapshots',
      ),
    ),
  ),
  frigate_bad_event: entry(
    'frigate_refused',
    message({ topic: 'text', detail: 'text' }, (p) => frigate(p.topic, p.detail)),
  ),
  frigate_after_end: entry(
    'frigate_refused',
    message({ topic: 'text', event: 'text' }, (p) =>
      frigate(p.topic, `event ${p.event} has ended; later messages about it are ignored`),
    ),
  ),
  frigate_too_many_cameras: entry(
    'frigate_refused',
    message({ topic: 'text', max: 'number' }, (p) =>
      frigate(p.topic, `Hearth already holds ${p.max} Frigate cameras; remove some first`),
    ),
  ),
  frigate_camera_clash: entry(
    'frigate_refused',
    message({ topic: 'text', id: 'text' }, (p) =>
      frigate(p.topic, `${p.id} is already another device`),
    ),
  ),
  frigate_camera_not_approved: entry(
    'frigate_refused',
    message({ topic: 'text', id: 'text', status: ['pending', 'rejected'] }, (p) =>
      frigate(
        p.topic,
        `the owner ${p.status === 'rejected' ? 'rejected' : 'has not approved'} ${p.id}`,
      ),
    ),
  ),
  frigate_other_integration: entry(
    'frigate_refused',
    message({ topic: 'text', id: 'text', owner: 'text' }, (p) =>
      frigate(
        p.topic,
        `${p.id} belongs to integration ${p.owner}; remove the device to let this one report it`,
      ),
    ),
  ),
  frigate_snapshot_too_large: entry(
    'frigate_refused',
    message({ topic: 'text', limit: 'number' }, (p) =>
      frigate(p.topic, `the snapshot is over ${p.limit} bytes (strangers.maxPictureBytes)`),
    ),
  ),
  frigate_not_a_picture: entry(
    'frigate_refused',
    message({ topic: 'text', detail: 'text' }, (p) => frigate(p.topic, p.detail)),
  ),
  frigate_known_face: entry(
    'frigate_not_a_stranger',
    message(
      { event: 'text', camera: 'text' },
      (p) =>
        `Frigate recognised a known face in event ${p.event} on ${p.camera}: its stranger sighting was deleted`,
    ),
  ),
  frigate_false_positive: entry(
    'frigate_not_a_stranger',
    message(
      { event: 'text', camera: 'text' },
      (p) =>
        `Frigate found it was a false positive in event ${p.event} on ${p.camera}: its stranger sighting was deleted`,
    ),
  ),
  frigate_no_snapshot: entry(
    'frigate_no_snapshot',
    message(
      { event: 'text', camera: 'text', topic: 'text', seconds: 'seconds' },
      (p) =>
        `Frigate said event ${p.event} on ${p.camera} has a snapshot, but none came on ${p.topic} within ${p.seconds} s: are MQTT snapshots on for this camera in Frigate (cameras → ${p.camera} → mqtt)?`,
    ),
  ),
};

export type ActivityCode = keyof typeof activityMessages;
export const activityCodes = Object.keys(activityMessages) as ActivityCode[];
export type ActivityParams<C extends ActivityCode> = ParamsOf<
  (typeof activityMessages)[C]['params']
>;
/** The codes of one kind, e.g. every way a Frigate message is refused. */
export type CodesOfKind<K extends ActivityKind> = {
  [C in ActivityCode]: (typeof activityMessages)[C]['kind'] extends K ? C : never;
}[ActivityCode];
