// listen() for the app over HTTP, or HTTPS with the hub's own certificate, each with the same
// guards against slow clients and a busy port turned into a clear StartupError.
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Express } from 'express';
import { StartupError } from '../errors.js';

export interface HttpListener {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface SocketLimits {
  maxSocketsPerAddress: number;
  headersTimeoutMs: number;
}

export interface TlsIdentity {
  key: string;
  cert: string;
}

export function listenHttp(
  app: Express,
  host: string,
  port: number,
  limits: () => SocketLimits,
  /** With a certificate: HTTPS (`--https-port`). */
  tls?: TlsIdentity,
): Promise<HttpListener> {
  // Node checks the header timeout on this interval (30 s by default), so a short timeout
  // setting could otherwise not take effect.
  const serverOptions = { connectionsCheckingInterval: 1_000 };
  const server: Server = tls
    ? createTlsServer(
        { ...serverOptions, key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' },
        app,
      )
    : createServer(serverOptions, app);
  const flag = tls ? '--https-port' : '--http-port';
  const what = tls ? 'HTTPS' : 'HTTP';
  if (tls) {
    // A client that is not speaking TLS (or aborts the handshake) gets its socket closed; it
    // is not the hub's error to log.
    server.on('tlsClientError', (_error, socket) => socket.destroy());
  }
  // A slow or silent client must not hold a socket for ever, nor one address take them all.
  server.headersTimeout = limits().headersTimeoutMs;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const perAddress = new Map<string, number>();
  server.on('connection', (socket) => {
    const current = limits();
    server.headersTimeout = current.headersTimeoutMs;
    const address = socket.remoteAddress ?? 'unknown';
    const count = (perAddress.get(address) ?? 0) + 1;
    if (count > current.maxSocketsPerAddress) {
      socket.destroy();
      return;
    }
    perAddress.set(address, count);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new StartupError(describeListenError(error, host, port, flag, what)));
    });
    server.listen({ host, port }, () => {
      const address = server.address();
      const realPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        port: realPort,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // SSE streams and idle keep-alive sockets would hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

function describeListenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  flag: string,
  what: string,
): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `${what} port ${port} on ${host} is already in use; stop the other program or choose another ${flag}`;
    case 'EACCES':
      return `${what} port ${port} on ${host} needs more privileges; choose a port above 1023 with ${flag}`;
    case 'EADDRNOTAVAIL':
      return `--host ${host} is not an address of this computer`;
    default:
      return `cannot listen for ${what} on ${host}:${port}: ${error.message}`;
  }
}
