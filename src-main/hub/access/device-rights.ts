// What a device may do on the broker, as exact topic strings built once at login, so that each
// packet is checked with a map lookup (contract 2.3.1 and 2.3.4).

/** The one hub topic that clients may write (contract 2.1). */
export const ACTION_INBOX = 'hearth/action';

export interface DeviceRights {
  /** Topic → whether a retained message may be published there. */
  publish: ReadonlyMap<string, boolean>;
  /** Exact filters it may subscribe to. */
  subscribe: ReadonlySet<string>;
  /** Approved devices: any filter below this prefix reaches only its own replies. */
  replyPrefix: string | null;
  /** Joining devices: every publish must be a `hand_shake …`. */
  handShakeOnly: boolean;
  /** Its secret travels here; no one else may receive it, even through a wildcard. */
  handShakeTopic: string;
}

export function deviceRights(deviceId: string, stage: 'joining' | 'approved'): DeviceRights {
  const own = (name: string) => `hearth/devices/${deviceId}/${name}`;
  const handShakeTopic = own('hand_shake');
  if (stage === 'joining') {
    return {
      publish: new Map([
        [ACTION_INBOX, false],
        [own('action'), false],
      ]),
      subscribe: new Set([handShakeTopic]),
      replyPrefix: null,
      handShakeOnly: true,
      handShakeTopic,
    };
  }
  return {
    // The retained cap: `state` and `availability` are the only topics a device may retain on,
    // so it holds at most 2 retained messages however many topics it tries.
    publish: new Map([
      [own('state'), true],
      [own('availability'), true],
      [own('stranger'), false],
      [own('action'), false],
      // Contract 2.1: devices on the embedded broker may use the shared inbox.
      [ACTION_INBOX, false],
    ]),
    subscribe: new Set([own('set'), handShakeTopic, own('reply/#')]),
    replyPrefix: own('reply/'),
    handShakeOnly: false,
    handShakeTopic,
  };
}
