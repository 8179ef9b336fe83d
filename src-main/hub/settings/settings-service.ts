// Settings, changed as a whole: the patch is merged into the current settings and the result
// validated by the state schema (strict, so a typo'd key is an error) before anything changes.
// Then each setting takes effect: broker limits at once, the old-devices switch with its warning.
import { z } from 'zod';
import type { WarningCode } from '../../shared/messages/warnings.js';
import { ApiError } from '../api/error-catalogue.js';
import { describeZodError } from '../api/error-handler.js';
import type { BrokerLimits } from '../broker/limits.js';
import { SettingsSchema, type Settings } from '../store/state-schema.js';
import type { StateStore } from '../store/state-store.js';
import type { Warnings } from '../warnings.js';

export const NO_SECRET_WARNING = 'devices_without_secret' satisfies WarningCode;

export interface SettingsPatch {
  broker?: Record<string, unknown> | undefined;
  devices?: Record<string, unknown> | undefined;
  locks?: Record<string, unknown> | undefined;
  history?: Record<string, unknown> | undefined;
  strangers?: Record<string, unknown> | undefined;
  http?: Record<string, unknown> | undefined;
  notify?: Record<string, unknown> | undefined;
  actions?: Record<string, unknown> | undefined;
  discovery?: Record<string, unknown> | undefined;
  frigate?: Record<string, unknown> | undefined;
  desktop?: Record<string, unknown> | undefined;
}

/** What a changed setting sets in motion beyond the store (broker limits, mDNS on or off). */
export type SettingsEffect = (settings: Settings) => void;

export class SettingsService {
  private readonly listeners = new Set<SettingsEffect>();

  constructor(
    private readonly store: StateStore,
    private readonly warnings: Warnings,
    private readonly applyBrokerLimits: (limits: BrokerLimits) => void,
  ) {
    this.announceNoSecret();
  }

  get(): Settings {
    return this.store.state.settings;
  }

  update(patch: SettingsPatch): Settings {
    const current = this.store.state.settings;
    const merged = {
      broker: { ...current.broker, ...patch.broker },
      devices: { ...current.devices, ...patch.devices },
      locks: { ...current.locks, ...patch.locks },
      history: { ...current.history, ...patch.history },
      strangers: { ...current.strangers, ...patch.strangers },
      http: { ...current.http, ...patch.http },
      notify: { ...current.notify, ...patch.notify },
      actions: { ...current.actions, ...patch.actions },
      discovery: { ...current.discovery, ...patch.discovery },
      frigate: { ...current.frigate, ...patch.frigate },
      desktop: {
        ...current.desktop,
        ...patch.desktop,
        // One toggle changed keeps the others (a partial `notify` would reset them to defaults).
        notify: mergeObject(current.desktop.notify, patch.desktop?.notify),
      },
    };
    let next: Settings;
    try {
      next = SettingsSchema.parse(merged);
    } catch (error) {
      if (error instanceof z.ZodError) throw new ApiError('invalid_input', describeZodError(error));
      throw error;
    }
    this.store.update((draft) => {
      draft.settings = next;
    });
    this.applyBrokerLimits(next.broker);
    this.announceNoSecret();
    for (const listener of this.listeners) listener(next);
    return this.get();
  }

  /** Calls `listener` with the new settings after every change; returns how to stop. */
  onChange(listener: SettingsEffect): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Contract 2.3.6: while old devices may connect without a secret, the owner is warned. */
  private announceNoSecret(): void {
    if (this.store.state.settings.devices.allowWithoutSecret) {
      this.warnings.raise(NO_SECRET_WARNING, {});
    } else {
      this.warnings.clear(NO_SECRET_WARNING);
    }
  }
}

/** A patch's nested object merged over the current one; anything else is left for the schema. */
function mergeObject(current: object, patch: unknown): unknown {
  if (patch === undefined) return current;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  return { ...current, ...patch };
}
