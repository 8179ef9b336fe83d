// listen() for the app, with a busy port turned into a clear StartupError.
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { StartupError } from '../errors.js';

export interface HttpListener {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export function listenHttp(app: Express, host: string, port: number): Promise<HttpListener> {
  const server = createServer(app);
  // A slow or silent client must not hold a socket for ever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
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
