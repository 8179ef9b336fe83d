// The retained `hearth/devices` topic: every registered device, no secrets. Changes within
// COALESCE_MS go out as one message: a lock-all over a thousand locks would otherwise send the
// whole list a thousand times.
import type { MessageBus } from '../broker/bus.js';
import type { Logger } from '../log.js';
import type { DeviceView } from '../../shared/devices.js';

const COALESCE_MS = 50;

export class DeviceListTopic {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly list: () => DeviceView[],
    private readonly publish: MessageBus['publish'],
    private readonly log: Logger,
  ) {}

  /** The list changed: publish it once the changes of this moment are in. */
  changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.publish('hearth/devices', JSON.stringify(this.list()), { qos: 1, retain: true }).catch(
        (error: unknown) => this.log.warn('could not publish hearth/devices', { error }),
      );
    }, COALESCE_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
