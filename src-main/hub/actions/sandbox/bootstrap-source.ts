// The sandbox's own helpers, as JavaScript source evaluated inside each QuickJS context before
// any action code. It captures the built-ins it relies on first, so an action file that later
// replaces `JSON.stringify` or `Object.freeze` changes only its own results, never the helpers'
// checks. Its value is an object the worker keeps a handle to; nothing of it is put on the
// sandbox's global object except TextEncoder and TextDecoder (small and pure).
//
// The functions it returns:
// - describe(namespace): a JSON report of a module's exports (functions with their actionName
//   and parameter count, other exports with their type, the `devices` list).
// - invoke(fn, native, callId, messageJson, bytes): runs one action; returns the reply text, null,
//   or a promise of either. `native(callId, op, argsJson, bytes)` is the worker's one entry
//   point into the hub; it returns a promise of a JSON text.
export const MAX_REPLY_CHARS = 256 * 1024;

export const BOOTSTRAP_SOURCE = String.raw`(() => {
  'use strict';
  const freeze = Object.freeze;
  const entries = Object.entries;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const toText = String;
  const Uint8 = Uint8Array;
  const resolved = Promise.resolve.bind(Promise);
  const then = (promise, onFulfilled, onRejected) =>
    Reflect.apply(Promise.prototype.then, promise, [onFulfilled, onRejected]);
  const MAX_REPLY_CHARS = ${MAX_REPLY_CHARS};

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') {
      const text = toText(input);
      const out = [];
      for (let i = 0; i < text.length; i++) {
        let code = text.codePointAt(i);
        if (code > 0xffff) i++;
        else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
        if (code < 0x80) out.push(code);
        else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
        else if (code < 0x10000)
          out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
        else
          out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      }
      return new Uint8(out);
    }
  }
  class TextDecoder {
    get encoding() { return 'utf-8'; }
    decode(input) {
      if (input === undefined) return '';
      const bytes = input instanceof Uint8 ? input : new Uint8(input.buffer ?? input);
      let out = '';
      for (let i = 0; i < bytes.length; ) {
        const lead = bytes[i];
        const size = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
        let code = size === 1 ? lead : size === 2 ? lead & 31 : size === 3 ? lead & 15 : lead & 7;
        let ok = size > 0 && i + size <= bytes.length;
        for (let k = 1; ok && k < size; k++) {
          const next = bytes[i + k];
          if ((next & 0xc0) !== 0x80) ok = false;
          else code = (code << 6) | (next & 63);
        }
        if (!ok) { out += '\ufffd'; i += 1; continue; }
        out += String.fromCodePoint(code);
        i += size;
      }
      return out;
    }
  }
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;

  const describe = (namespace) => {
    const report = { functions: [], others: [], devices: [] };
    for (const [exportName, value] of entries(namespace)) {
      if (exportName === 'devices') {
        report.devices = isArray(value) ? value.map((item) => toText(item)) : typeof value;
      } else if (typeof value === 'function') {
        const own = value.actionName;
        const fallback = exportName === 'default' && value.name !== 'default' ? value.name : null;
        report.functions.push({
          exportName,
          actionName: typeof own === 'string' ? own : fallback || null,
          length: value.length,
        });
      } else {
        report.others.push({ exportName, type: value === null ? 'null' : typeof value });
      }
    }
    return stringify(report);
  };

  const describeError = (error) => {
    try {
      if (error instanceof Error) return error.name + ': ' + error.message;
      return 'thrown value: ' + toText(error);
    } catch {
      return 'an error that cannot be described';
    }
  };

  const toReply = (value) => {
    if (value === undefined || value === null) return null;
    let text;
    try {
      text = typeof value === 'object' ? stringify(value) : toText(value);
    } catch (error) {
      throw new Error('the reply cannot be converted to text (' + describeError(error) + ')');
    }
    if (typeof text !== 'string') throw new Error('the reply cannot be converted to text');
    if (text.length > MAX_REPLY_CHARS) {
      throw new Error('the reply is ' + text.length + ' characters; the limit is ' + MAX_REPLY_CHARS);
    }
    return text;
  };

  const safeJson = (value) => {
    try {
      return stringify(value) ?? toText(value);
    } catch {
      return toText(value);
    }
  };

  const makeHub = (native, callId) => {
    const api = (op, args, bytes) =>
      then(native(callId, op, stringify(args), bytes), (text) =>
        text === undefined ? undefined : parse(text),
      );
    return freeze({
      publish: (topic, payload) =>
        payload instanceof Uint8
          ? api('publish', [topic], payload.slice().buffer)
          : api('publish', [topic, payload]),
      devices: () => api('devices', []),
      lock: (id) => api('lock', [id]),
      unlock: (id) => api('unlock', [id]),
      store: freeze({
        get: (key) => api('get', [key]),
        set: (key, value) => api('set', [key, value === undefined ? null : value]),
      }),
      // Often not awaited: a log line after the call ended must not become an error.
      log: (...parts) =>
        then(
          api('log', [parts.map((part) => (typeof part === 'string' ? part : safeJson(part))).join(' ')]),
          undefined,
          () => null,
        ),
    });
  };

  const invoke = (fn, native, callId, messageJson, bytes) => {
    const fields = parse(messageJson);
    fields.bytes = new Uint8(bytes);
    fields.args = freeze(fields.args);
    const result = fn(freeze(fields), makeHub(native, callId));
    if (result !== null && (typeof result === 'object' || typeof result === 'function') &&
        typeof result.then === 'function') {
      return then(resolved(result), toReply);
    }
    return toReply(result);
  };

  return freeze({ describe, invoke });
})()`;
