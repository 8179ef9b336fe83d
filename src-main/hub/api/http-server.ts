// listen() for the app, with a busy port turned into a clear StartupError.
import { createServer, type Server } from 'node:http';
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

export function listenHttp(
  app: Express,
  host: string,
  port: number,
  limits: () => SocketLimits,
): Promise<HttpListener> {
  // Node checks the header timeout on this interval (30 s by default), so a short timeout
  // setting could otherwise not take effect.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, app);
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
      reject(new StartupError(describeListenError(error, host, port)));
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

function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `HTTP port ${port} on ${host} is already in use; stop the other program or choose another --http-port`;
    case 'EACCES':
      return `HTTP port ${port} on ${host} needs more privileges; choose a port above 1023 with --http-port`;
    case 'EADDRNOTAVAIL':
      return `--host ${host} is not an address of this computer`;
    default:
      return `cannot listen for HTTP on ${host}:${port}: ${error.message}`;
  }
}
