// What watches over the home for the owner and speaks up: auto-relock, a door left unlocked,
// a low battery, the hub having been away (the computer slept), and the webhook that carries
// these to the phone. Started together, stopped together.
import type { WarningCode } from '../../shared/messages/warnings.js';
import { LowBatteryWatch } from '../battery/low-battery-watch.js';
import type { EventBus } from '../events.js';
import { AutoRelock } from '../locks/auto-relock.js';
import type { LockService } from '../locks/lock-service.js';
import { UnlockedWatch } from '../locks/unlocked-watch.js';
import type { Logger } from '../log.js';
import { AwayDetector } from '../power/away-detector.js';
import type { Settings } from '../store/state-schema.js';
import type { Warnings } from '../warnings.js';
import { WebhookNotifier } from './webhook-notifier.js';

/** The warning raised after the computer slept or the hub was frozen (see AwayDetector). */
export const HUB_WAS_AWAY = 'hub_was_away' satisfies WarningCode;

export function startOwnerAlerts(options: {
  events: EventBus;
  locks: LockService;
  warnings: Warnings;
  nameOf: (id: string) => string;
  settings: () => Settings;
  awayThresholdMs: number | undefined;
  log: Logger;
}): () => void {
  const { events, warnings, nameOf, settings } = options;
  const watchers: Array<{ stop(): void }> = [
    new AutoRelock(
      events,
      options.locks,
      (id) => settings().locks.autoRelock[id],
      warnings,
      nameOf,
    ),
    new UnlockedWatch(events, () => settings().locks.warnUnlockedAfterMinutes, warnings, nameOf),
    new LowBatteryWatch(events, warnings, nameOf),
    new AwayDetector({
      thresholdMs: options.awayThresholdMs,
      onAway: (span) =>
        warnings.raise(HUB_WAS_AWAY, {
          seconds: Math.round((span.toMs - span.fromMs) / 1000),
          from: new Date(span.fromMs).toISOString(),
          to: new Date(span.toMs).toISOString(),
        }),
    }),
    new WebhookNotifier(events, () => settings().notify.webhookUrl, options.log.child('notify')),
  ];
  return () => {
    for (const watcher of watchers.reverse()) watcher.stop();
  };
}
