// Binding a listener, with the one-line StartupError the CLI prints when a port is unusable.
import type { Server } from 'node:net';
import { StartupError } from '../errors.js';

export interface ListenerName {
  label: 'MQTT' | 'MQTT over TLS' | 'MQTT over WebSocket';
  option: '--mqtt-port' | '--mqtts-port' | '--ws-port';
}

/** Resolves with the real port (port 0 resolved); rejects with a StartupError. */
export function listen(
  server: Server,
  host: string,
  port: number,
  name: ListenerName,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.removeListener('listening', onListening);
      reject(new StartupError(describeListenError(error, host, port, name)));
    };
    const onListening = () => {
      server.removeListener('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

/** Stops listening; resolves when the server's last connection is gone (at once if never listening). */
export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => server.close(() => resolve()));
}

function describeListenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  name: ListenerName,
): string {
  const what = `${name.label} port ${port} on ${host}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${what} is already in use; stop the other program or choose another ${name.option}`;
    case 'EACCES':
      return `${what} is not allowed for this user; choose a port above 1023 with ${name.option}`;
    case 'EADDRNOTAVAIL':
      return `${what} cannot be used: ${host} is not an address of this machine; choose another --host`;
    default:
      return `${what} cannot be used (${error.code ?? error.message}); choose another ${name.option}`;
  }
}
