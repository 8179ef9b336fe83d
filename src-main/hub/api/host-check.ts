// Against DNS rebinding: a web page on evil.example that makes its name resolve to the hub's
// address must not be able to talk to the API. Requests must name the hub by an IP address,
// localhost, this computer's own names, or a name the owner allowed (a VPN name); anything else
// gets 421. A browser request from another origin gets 403 unless the owner allowed that
// origin, in which case it also gets CORS headers. Without an Origin header (phones, scripts,
// curl) only the Host check applies.
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { RequestHandler } from 'express';
import { ApiError } from './error-catalogue.js';

export interface HostPolicy {
  allowedHosts: () => readonly string[];
  allowedOrigins: () => readonly string[];
}

export function hostCheck(policy: HostPolicy): RequestHandler {
  const own = new Set(['localhost', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  const hostAllowed = (name: string): boolean => {
    const host = name.toLowerCase().replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 || own.has(host) || host.endsWith('.localhost')) return true;
    // The hub's own mDNS name (hearth-<id>.local) and whatever the owner added.
    if (/^hearth-[0-9a-f]{8}\.local$/.test(host)) return true;
    return policy.allowedHosts().some((allowed) => allowed.toLowerCase() === host);
  };
  return (req, res, next) => {
    const host = hostPart(req.headers.host ?? '');
    if (!host || !hostAllowed(host)) {
      return next(new ApiError('misdirected_request'));
    }
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    if (policy.allowedOrigins().includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, DELETE');
      if (req.method === 'OPTIONS') return void res.status(204).end();
      return next();
    }
    const originHost = hostOfOrigin(origin);
    // The panel itself: same host and port as the request.
    if (originHost !== null && originHost.toLowerCase() === (req.headers.host ?? '').toLowerCase())
      return next();
    next(new ApiError('forbidden_origin'));
  };
}

/** The host name of a Host header, without the port (IPv6 in brackets kept whole). */
function hostPart(header: string): string | null {
  const value = header.trim();
  if (value === '') return null;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(0, end + 1) : null;
  }
  return value.split(':')[0] ?? null;
}

function hostOfOrigin(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
