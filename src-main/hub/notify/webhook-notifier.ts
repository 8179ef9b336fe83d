// Away from home (issue 7): the events a person wants on their phone — a device waiting for
// approval, a jammed lock, a lock left unlocked, a stranger — are POSTed to the owner's webhook
// in ntfy's format (the message as the body, Title/Priority/Tags headers), so ntfy or any
// webhook receiver works. Bounded: a few per minute, a short timeout, failures logged once.
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import { notificationFor, type Notification } from './notification-for.js';

const TIMEOUT_MS = 5_000;
const MAX_PER_MINUTE = 20;

export class WebhookNotifier {
  private readonly stopListening: () => void;
  private sentThisMinute: number[] = [];
  private failing = false;

  constructor(
    events: EventBus,
    private readonly webhookUrl: () => string | null,
    private readonly log: Logger,
  ) {
    this.stopListening = events.onAny((event) => {
      const notification = notificationFor(event);
      if (notification) void this.send(notification);
    });
  }

  stop(): void {
    this.stopListening();
  }

  private async send(notification: Notification): Promise<void> {
    const url = this.webhookUrl();
    if (!url) return;
    const now = Date.now();
    this.sentThisMinute = this.sentThisMinute.filter((at) => now - at < 60_000);
    if (this.sentThisMinute.length >= MAX_PER_MINUTE) return;
    this.sentThisMinute.push(now);
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: notification.message,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          title: encodeHeader(notification.title),
          priority: notification.priority,
          tags: notification.tags,
        },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
      if (this.failing) this.log.info('the notification webhook works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.log.warn('could not send a notification to the webhook', { error });
      this.failing = true;
    }
  }
}

/** HTTP headers are Latin-1; a title with other characters is sent without them. */
function encodeHeader(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '');
}
