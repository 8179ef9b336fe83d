// Turns the mDNS announcement on and off while the hub runs (the `discovery.mdns` setting),
// one change at a time: a quick off-on-off ends announced or not exactly as the last change
// says, never with two announcers or a leaked socket.
import type { Logger } from '../log.js';
import { startMdnsAnnouncer, type MdnsAnnouncement, type MdnsAnnouncer } from './mdns-announcer.js';
import { shouldAnnounce } from './should-announce.js';

export interface MdnsSwitch {
  /** Follows the setting; announcing also needs `--no-mdns` absent and a non-loopback host. */
  set(enabled: boolean): Promise<void>;
  /** Whether the hub is announcing now. */
  readonly announcing: boolean;
  stop(): Promise<void>;
}

export function createMdnsSwitch(options: {
  announcement: () => MdnsAnnouncement;
  /** False with `--no-mdns`: the setting can then never turn it on. */
  allowed: boolean;
  log: Logger;
}): MdnsSwitch {
  let announcer: MdnsAnnouncer | null = null;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  const apply = async (wanted: boolean): Promise<void> => {
    const host = options.announcement().host ?? '0.0.0.0';
    const on = wanted && !stopped && shouldAnnounce(host, options.allowed);
    if (on && !announcer) {
      announcer = await startMdnsAnnouncer(options.announcement(), options.log);
      options.log.debug('mDNS announcement on');
    } else if (!on && announcer) {
      const current = announcer;
      announcer = null;
      await current.stop();
      if (!stopped) options.log.debug('mDNS announcement off');
    }
  };

  const enqueue = (wanted: boolean): Promise<void> => {
    queue = queue
      .then(() => apply(wanted))
      .catch((error: unknown) => {
        options.log.warn('mDNS announcement could not be changed', { error });
      });
    return queue;
  };

  return {
    set: enqueue,
    get announcing() {
      return announcer !== null;
    },
    stop() {
      stopped = true;
      return enqueue(false);
    },
  };
}
