// Errors out of the engine, as one readable line: `TypeError: cannot read property 'x' of null
// (greet.mjs:4:3)`, the file, line and column taken from the first frame of the action's own
// stack. Reading an error can itself fail (the heap is full): then a fixed sentence stands in.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';

const MAX_ERROR_CHARS = 4000;

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

const UNREADABLE = Symbol('unreadable');

function read(ctx: QuickJSContext, handle: QuickJSHandle): unknown {
  try {
    return ctx.dump(handle);
  } catch {
    return UNREADABLE;
  }
}

export function describeEngineError(ctx: QuickJSContext, handle: QuickJSHandle): string {
  const value = read(ctx, handle);
  if (value && typeof value === 'object' && 'message' in value) {
    const { name, message, stack } = value as ErrorShape;
    const where =
      typeof stack === 'string' ? /\(?([\w.-]+\.m?js:\d+:\d+)\)?/.exec(stack)?.[1] : undefined;
    const line = `${String(name ?? 'Error')}: ${String(message)}${where ? ` (${where})` : ''}`;
    return line.slice(0, MAX_ERROR_CHARS);
  }
  if (value === UNREADABLE) return 'an error that cannot be described';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `thrown value: ${text}`.slice(0, MAX_ERROR_CHARS);
}

export function isOutOfMemory(ctx: QuickJSContext, handle: QuickJSHandle): boolean {
  const value = read(ctx, handle);
  // Reading the error failing at all is the heap being full.
  if (value === UNREADABLE) return true;
  const shape = value as ErrorShape | null | undefined;
  return shape?.name === 'InternalError' && shape.message === 'out of memory';
}
