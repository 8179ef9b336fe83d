// MQTT over WebSocket: an HTTP server that upgrades only `/mqtt`, with subprotocol `mqtt`,
// into a stream for the same guarded path as TCP.
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { closeServer } from './listen.js';

export const WS_PATH = '/mqtt';
// `mqttv3.1` is what MQTT 3.1 clients (and mqtt.js with protocolVersion 3) ask for.
const SUBPROTOCOLS = ['mqtt', 'mqttv3.1'];
// The HTTP request before the upgrade gets no more time than a CONNECT would.
const HANDSHAKE_TIMEOUT_MS = 10_000;

export interface WsListener {
  server: Server;
  /** Applies to connections upgraded from now on (ws reads it per connection). */
  setMaxPayload(bytes: number): void;
  /** Stops listening and drops every HTTP and upgraded connection; resolves once closed. */
  close(): Promise<void>;
}

export interface WsListenerHooks {
  /** Takes a connection slot; returns false (and has answered) when refused. */
  admit(socket: Socket): boolean;
  accept(stream: Duplex, socket: Socket): void;
}

export function createWsListener(maxPayload: number, hooks: WsListenerHooks): WsListener {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload,
    perMessageDeflate: false, // compression would let a small frame inflate past maxPayload's intent
    handleProtocols: (offered) => SUBPROTOCOLS.find((protocol) => offered.has(protocol)) ?? false,
  });
  const server = createServer({ noDelay: true }, (_request, response) => {
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`MQTT over WebSocket is at ${WS_PATH}\n`);
  });
  server.headersTimeout = HANDSHAKE_TIMEOUT_MS;
  server.requestTimeout = HANDSHAKE_TIMEOUT_MS;

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    if (pathOf(request) !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!hooks.admit(socket)) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) =>
      hooks.accept(createWebSocketStream(ws), socket),
    );
  });

  return {
    server,
    setMaxPayload(bytes) {
      wss.options.maxPayload = bytes;
    },
    close() {
      wss.close();
      const closed = closeServer(server);
      server.closeAllConnections();
      return closed;
    },
  };
}

function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://hub').pathname;
  } catch {
    return '';
  }
}
