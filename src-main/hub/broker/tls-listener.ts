// MQTT over TLS (--mqtts-port) with the hub's own certificate. Connections are counted against
// the caps on the raw TCP socket, before the TLS handshake spends any CPU on them; the connect
// timeout then covers the handshake too.
import { createServer, type Server, type Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { Logger } from '../log.js';

export interface TlsCredentials {
  key: string;
  cert: string;
}

export interface TlsAcceptor {
  admit(socket: Socket): boolean;
  accept(stream: Duplex, socket: Socket): void;
}

export function createTlsListener(
  credentials: TlsCredentials,
  acceptor: TlsAcceptor,
  log: Logger,
): Server {
  const secureContext = createSecureContext({ ...credentials, minVersion: 'TLSv1.2' });
  return createServer({ noDelay: true }, (socket) => {
    if (!acceptor.admit(socket)) {
      socket.destroy();
      return;
    }
    const secure = new TLSSocket(socket, { isServer: true, secureContext });
    // A failed handshake (a plain-MQTT client on the TLS port, a scanner) ends only that socket.
    secure.on('error', (error) => {
      log.debug('MQTT over TLS connection failed', { address: socket.remoteAddress, error });
      secure.destroy();
      socket.destroy();
    });
    acceptor.accept(secure, socket);
  });
}
