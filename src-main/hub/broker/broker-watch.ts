// What the owner sees while an external broker is away: one warning saying since when and why
// (cleared when it is back), and the retained device list published again once it is back (a
// broker restarted without persistence has forgotten it). Every change is also an event, so
// the panel shows it as it happens.
import type { WarningCode } from '../../shared/messages/warnings.js';
import type { EventBus } from '../events.js';
import type { Warnings } from '../warnings.js';
import type { BrokerConnection, HubBroker } from './hub-broker.js';

export const BROKER_UNAVAILABLE = 'broker_unavailable' satisfies WarningCode;

export function watchBrokerConnection(
  broker: HubBroker,
  warnings: Warnings,
  events: EventBus,
  onBack: () => void,
): () => void {
  const show = (connection: BrokerConnection): void => {
    if (connection.state === 'connected') {
      warnings.clear(BROKER_UNAVAILABLE);
      return;
    }
    if (connection.state === 'connecting') return;
    warnings.raise(BROKER_UNAVAILABLE, {
      state: connection.state,
      broker: broker.description,
      error: connection.error,
    });
  };
  // The hub may have started without its broker: say so at once, not at the next change.
  show(broker.connection);
  return broker.onConnectionChange((connection) => {
    events.emit('broker_connection', connection);
    show(connection);
    if (connection.state === 'connected') onBack();
  });
}
