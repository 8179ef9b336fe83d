// Stranger pictures, one service for every path: MQTT and HTTP intake end in `intake`, a
// bridge's keyed sightings (a Frigate event) in `putSighting`, the gallery routes, the
// find_stranger action and /get_pic read through it, and retention runs here (after each new
// picture and on a timer). A full disk is a warning, never a crash.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ActivityParams } from '../../shared/messages/activity.js';
import type { WarningCode } from '../../shared/messages/warnings.js';
import type { StrangerView } from '../../shared/operations/strangers.js';
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { Logger } from '../log.js';
import type { StrangerSettings } from '../store/state-schema.js';
import type { Warnings } from '../warnings.js';
import { LinkSigner } from './link-signer.js';
import { MIME_OF, sniffPicture } from './picture-format.js';
import { PictureStore, type AddOutcome, type PutOutcome } from './picture-store.js';
import type { PictureType } from './picture-format.js';
import type { StrangerQuery, StrangerRecord } from './stranger-index.js';

export const STRANGERS_FOLDER = 'strangers';
export const DISK_FULL_WARNING = 'strangers_disk_full' satisfies WarningCode;
const RETENTION_EVERY_MS = 10 * 60 * 1000;
/** Pictures waiting to be written may hold this much memory at most (or two at the cap). */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;

/** What the service needs to know about a device (the registry's `find`). */
export interface CameraDirectory {
  find(id: string): { status: string; kind: string; secretHash: string | null } | undefined;
}

export interface StrangerServiceOptions {
  dataDir: string;
  settings: () => StrangerSettings;
  cameras: CameraDirectory;
  warnings: Pick<Warnings, 'raise' | 'clear'>;
  activity: Pick<ActivityLog, 'record'>;
  /** A new sighting (not a duplicate or merge): the hub emits the `stranger` event. */
  onStored: (stranger: StrangerView) => void;
  log: Logger;
}

export type IntakeRefusal =
  'not_a_camera' | 'payload_too_large' | 'not_a_picture' | 'busy' | 'disk_full' | 'store_failed';

export type IntakeOutcome =
  | { ok: true; kind: AddOutcome['kind']; stranger: StrangerView }
  | { ok: false; code: IntakeRefusal; message: string };

export type SightingOutcome =
  | { ok: true; kind: PutOutcome['kind']; stranger: StrangerView }
  | { ok: false; code: IntakeRefusal; message: string };

type Via = 'mqtt' | 'http';
type Refusal = { ok: false; code: IntakeRefusal; message: string };

export class StrangerService {
  private pendingBytes = 0;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly options: StrangerServiceOptions,
    readonly store: PictureStore,
    private readonly links: LinkSigner,
  ) {
    this.timer = setInterval(() => void this.enforceRetention(), RETENTION_EVERY_MS);
    this.timer.unref();
    void this.enforceRetention();
  }

  static open(options: StrangerServiceOptions): StrangerService {
    const store = PictureStore.open(join(options.dataDir, STRANGERS_FOLDER), options.log);
    return new StrangerService(options, store, LinkSigner.open(options.dataDir));
  }

  /** Whether `id` is an approved camera (the broker and HTTP auth checked the rest). */
  isApprovedCamera(id: string): boolean {
    const device = this.options.cameras.find(id);
    return device?.status === 'approved' && device.kind === 'camera';
  }

  /** The size cap now (a setting), for readers that must stop while the bytes arrive. */
  maxPictureBytes(): number {
    return this.options.settings().maxPictureBytes;
  }

  async intake(camera: string, bytes: Buffer, via: Via): Promise<IntakeOutcome> {
    const settings = this.options.settings();
    const checked = this.check(camera, bytes, via);
    if (!checked.ok) return checked;
    this.pendingBytes += bytes.length;
    try {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const outcome = await this.store.add(
        { camera, bytes, type: checked.type, sha256, at: Date.now() },
        settings.mergeWindowSeconds * 1000,
      );
      this.options.warnings.clear(DISK_FULL_WARNING);
      const stranger = this.view(outcome.record);
      if (outcome.kind === 'new') {
        this.options.onStored(stranger);
        await this.enforceRetention();
      }
      return { ok: true, kind: outcome.kind, stranger };
    } catch (error) {
      return this.storeFailed(camera, via, error);
    } finally {
      this.pendingBytes -= bytes.length;
    }
  }

  /**
   * The sighting of another system's event (`externalId`, e.g. `frigate:<event id>`): stored
   * (and announced, like any new sighting) the first time, its picture replaced afterwards, never
   * merged with other pictures. The same checks as `intake`; a refusal is in the activity history.
   */
  async putSighting(camera: string, externalId: string, bytes: Buffer): Promise<SightingOutcome> {
    const checked = this.check(camera, bytes, 'mqtt');
    if (!checked.ok) return checked;
    this.pendingBytes += bytes.length;
    try {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const outcome = await this.store.put(
        { camera, bytes, type: checked.type, sha256, at: Date.now() },
        externalId,
      );
      this.options.warnings.clear(DISK_FULL_WARNING);
      const stranger = this.view(outcome.record);
      if (outcome.kind === 'new') this.options.onStored(stranger);
      // A replaced picture may be larger: the byte limit is checked again.
      if (outcome.kind !== 'unchanged') await this.enforceRetention();
      return { ok: true, kind: outcome.kind, stranger };
    } catch (error) {
      return this.storeFailed(camera, 'mqtt', error);
    } finally {
      this.pendingBytes -= bytes.length;
    }
  }

  /** The sighting kept for another system's event, if any. */
  findSighting(externalId: string): StrangerView | undefined {
    const record = this.store.findExternal(externalId);
    return record && this.view(record);
  }

  /** Deletes the sighting kept for another system's event; false if there was none. */
  async removeSighting(externalId: string): Promise<boolean> {
    return (await this.store.removeExternal(externalId)) !== undefined;
  }

  list(query: StrangerQuery): StrangerView[] {
    return this.store.query(query).map((record) => this.view(record));
  }

  get(id: string): StrangerView | undefined {
    const record = this.store.get(id);
    return record && this.view(record);
  }

  read(id: string): Promise<{ record: StrangerRecord; bytes: Buffer } | null> {
    return this.store.read(id);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.store.remove(id)) !== undefined;
  }

  verifyLink(id: string, exp: unknown, sig: unknown): boolean {
    return this.links.verify(id, exp, sig);
  }

  /** Runs retention now; never throws (a failure is logged and tried again next time). */
  async enforceRetention(): Promise<void> {
    try {
      const removed = await this.store.enforceRetention(this.options.settings(), Date.now());
      if (removed.length > 0) {
        this.options.log.info('stranger pictures removed by retention', { count: removed.length });
      }
    } catch (error) {
      this.options.log.warn('stranger picture retention failed', { error });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.store.close();
  }

  /** What every picture must pass before it is stored, whichever way it came. */
  private check(
    camera: string,
    bytes: Buffer,
    via: Via,
  ): Refusal | { ok: true; type: PictureType } {
    const settings = this.options.settings();
    if (!this.isApprovedCamera(camera)) {
      return this.refuse('not_a_camera', 'picture_not_a_camera', { camera, via });
    }
    if (bytes.length > settings.maxPictureBytes) {
      return this.refuse('payload_too_large', 'picture_too_large', {
        camera,
        via,
        limit: settings.maxPictureBytes,
      });
    }
    const sniffed = sniffPicture(bytes);
    if (!sniffed.ok) {
      return this.refuse('not_a_picture', 'picture_not_a_picture', {
        camera,
        via,
        detail: sniffed.reason,
      });
    }
    if (this.pendingBytes + bytes.length > Math.max(MAX_PENDING_BYTES, 2 * bytes.length)) {
      return this.refuse('busy', 'picture_busy', { camera, via });
    }
    return { ok: true, type: sniffed.type };
  }

  private view(record: StrangerRecord): StrangerView {
    const link = this.links.sign(record.id, this.options.settings().linkMinutes);
    // A keyed sighting's picture can be replaced under its id, and pictures are served as
    // immutable: its link names the picture's version so a cached old one is never shown.
    const version = record.externalId === undefined ? '' : `&v=${record.sha256.slice(0, 16)}`;
    return {
      id: record.id,
      camera: record.camera,
      at: new Date(record.at).toISOString(),
      firstAt: new Date(record.firstAt).toISOString(),
      count: record.count,
      size: record.size,
      type: MIME_OF[record.type],
      url: `/api/v1/strangers/${record.id}/image?exp=${link.exp}&sig=${link.sig}${version}`,
      linkExpiresAt: new Date(link.exp * 1000).toISOString(),
      ...(record.externalId === undefined ? {} : { externalId: record.externalId }),
    };
  }

  private storeFailed(camera: string, via: Via, error: unknown): Refusal {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      this.options.warnings.raise(DISK_FULL_WARNING, { folder: this.store.root });
      return this.refuse('disk_full', 'picture_disk_full', { camera, via });
    }
    this.options.log.error('a stranger picture could not be stored', { error });
    return this.refuse('store_failed', 'picture_not_stored', { camera, via });
  }

  private refuse<C extends PictureRefusal>(
    code: IntakeRefusal,
    what: C,
    params: ActivityParams<C> & { camera: string; via: Via },
  ): Refusal {
    const entry = activityEntry(what, params, {
      actor: params.camera,
      data: { code, via: params.via },
    });
    this.options.activity.record(entry);
    // The English after "refused: " (a camera id has no spaces), as the HTTP error says it.
    return { ok: false, code, message: entry.message.replace(/^.*? refused: /, '') };
  }
}

type PictureRefusal =
  | 'picture_not_a_camera'
  | 'picture_too_large'
  | 'picture_not_a_picture'
  | 'picture_busy'
  | 'picture_disk_full'
  | 'picture_not_stored';
