// The topic names a device uses (contract 2.2). One place, so a firmware port changes them once.

/** Where anyone logged in (and a joining device) sends actions, `hand_shake` included. */
export const ACTION_INBOX = 'hearth/action';

export interface DeviceTopics {
  /** hub → device: `LOCK`, `UNLOCK`, `OPEN` (QoS 1, never retained). */
  set: string;
  /** device → hub, retained: `LOCKED` … or `{"state":"LOCKED","battery":87}`. */
  state: string;
  /** device → hub, retained, also the will: `online` / `offline`. */
  availability: string;
  /** device → hub, QoS 1: a picture's raw bytes. */
  stranger: string;
  /** device → hub: the device's own action inbox. */
  action: string;
  /** hub → device: `approved <secret>`, `pending`, `rejected`. */
  handShake: string;
  /** hub → device: replies to actions, one topic per action under it. */
  replies: string;
  /** The prefix of a reply topic; the action's name follows it. */
  replyPrefix: string;
}

export function deviceTopics(id: string): DeviceTopics {
  const base = `hearth/devices/${id}`;
  return {
    set: `${base}/set`,
    state: `${base}/state`,
    availability: `${base}/availability`,
    stranger: `${base}/stranger`,
    action: `${base}/action`,
    handShake: `${base}/hand_shake`,
    replies: `${base}/reply/#`,
    replyPrefix: `${base}/reply/`,
  };
}
