// The API (and panel) on its ports: HTTP always, HTTPS with the hub's certificate when asked.
import type { Express } from 'express';
import type { HubCertificate } from '../tls/hub-certificate.js';
import { listenHttp, type SocketLimits } from './http-server.js';

export interface ApiListeners {
  httpPort: number;
  httpsPort: number | null;
  close(): Promise<void>;
}

export async function listenApi(
  app: Express,
  options: {
    host: string;
    httpPort: number;
    httpsPort: number | null;
    certificate: HubCertificate | null;
    limits: () => SocketLimits;
  },
): Promise<ApiListeners> {
  const http = await listenHttp(app, options.host, options.httpPort, options.limits);
  let https: Awaited<ReturnType<typeof listenHttp>> | null = null;
  if (options.httpsPort !== null && options.certificate) {
    try {
      https = await listenHttp(
        app,
        options.host,
        options.httpsPort,
        options.limits,
        options.certificate,
      );
    } catch (error) {
      await http.close();
      throw error;
    }
  }
  return {
    httpPort: http.port,
    httpsPort: https?.port ?? null,
    async close() {
      await https?.close();
      await http.close();
    },
  };
}
