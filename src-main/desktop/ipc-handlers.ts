// The Electron IPC handlers, one per HubApi operation, generated from the same table as the
// HTTP routes so none can be forgotten. Each checks the sending frame first (only the panel's
// own page may call the hub) and leaves validation to hub.call, which checks every input
// against HubApi's schemas. Electron-free: main.ts registers them with ipcMain.handle.
import type { Hub } from '../hub/hub.js';
import { z } from 'zod';
import { describeZodError } from '../hub/api/error-handler.js';
import type { Logger } from '../hub/log.js';
import type { ApiErrorBody } from '../shared/errors.js';
import { ipcChannel, operationNames, type OperationName } from '../shared/hub-api.js';

type ErrorBody = ApiErrorBody['error'];

/** What window.hub's functions resolve to; mirrored by IpcResult in src-renderer/global.d.ts. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: ErrorBody };

export type IpcHandler<E> = (event: E, input: unknown) => Promise<IpcResult>;

export function ipcHandlers<E>(
  hub: Pick<Hub, 'call'>,
  isOwnPanel: (event: E) => boolean,
  log: Logger,
): Array<[channel: string, operation: OperationName, handler: IpcHandler<E>]> {
  return operationNames.map((name) => [
    ipcChannel(name),
    name,
    async (event: E, input: unknown): Promise<IpcResult> => {
      if (!isOwnPanel(event)) {
        log.warn('IPC call from an unexpected frame refused', { channel: ipcChannel(name) });
        return { ok: false, error: { code: 'forbidden', message: 'Not allowed from this frame.' } };
      }
      try {
        return { ok: true, value: await hub.call(name, input, { kind: 'local' }) };
      } catch (error) {
        return { ok: false, error: toErrorBody(error, log) };
      }
    },
  ]);
}

/** The hub's errors carry a code (HubApi's error catalogue); anything else stays generic. */
export function toErrorBody(error: unknown, log: Logger): ErrorBody {
  const { code, params } = (error ?? {}) as { code?: unknown; params?: ErrorBody['params'] };
  if (typeof code === 'string' && error instanceof Error) {
    return { code, message: error.message, ...(params ? { params } : {}) };
  }
  if (error instanceof z.ZodError) {
    const detail = describeZodError(error);
    return { code: 'invalid_input', message: detail, params: { detail } };
  }
  log.error('IPC call failed', { error });
  return { code: 'internal', message: 'The hub hit an unexpected error; it has been logged.' };
}

/** Who sent an IPC call, as far as the check needs it (a subset of Electron's event). */
export interface SenderFrame {
  url: string;
  processId: number;
  routingId: number;
}

/**
 * Only the window's own main frame, showing our own index.html, may call the hub. Hash routes
 * (`#/devices`) are the panel's own; any other document (or a subframe) is refused.
 */
export function isPanelFrame(
  frame: SenderFrame | null | undefined,
  mainFrame: SenderFrame,
  panelUrl: string,
): boolean {
  if (!frame) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) {
    return false;
  }
  return frame.url.split('#')[0] === panelUrl;
}
