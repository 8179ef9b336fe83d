// Adding and removing action files from outside: the owner's upload (POST /api/v1/actions,
// admin) goes live at once; code sent over MQTT (save_action_file) waits in actions/.pending
// and runs only after the owner confirms its SHA-256 (POST /api/v1/actions/:file/confirm).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkFileName, MAX_ACTION_FILE_BYTES, PENDING_DIR } from './action-folder.js';

export class ActionFileError extends Error {
  constructor(
    readonly code: 'bad_request' | 'not_found' | 'too_large' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class RemoteCode {
  constructor(
    private readonly dir: string,
    /** Reloads the folder after a change (ActionFiles.sync). */
    private readonly reload: () => Promise<void>,
  ) {}

  /** The owner's own upload: checked, written atomically, loaded now. */
  async install(file: string, bytes: Buffer): Promise<{ file: string; sha256: string }> {
    checkUpload(file, bytes);
    writeAtomically(path.join(this.dir, file), bytes);
    await this.reload();
    return { file, sha256: sha256(bytes) };
  }

  async remove(file: string): Promise<void> {
    const bad = checkFileName(file);
    if (bad) throw new ActionFileError('bad_request', bad);
    const target = path.join(this.dir, file);
    if (!fs.existsSync(target))
      throw new ActionFileError('not_found', `there is no action file ${file}`);
    fs.rmSync(target);
    await this.reload();
  }

  /** Remote code: stored aside, never run, until confirmed. */
  savePending(file: string, bytes: Buffer): string {
    checkUpload(file, bytes);
    const dir = path.join(this.dir, PENDING_DIR);
    fs.mkdirSync(dir, { recursive: true });
    writeAtomically(path.join(dir, file), bytes);
    return sha256(bytes);
  }

  pending(): Array<{ file: string; sha256: string }> {
    const dir = path.join(this.dir, PENDING_DIR);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((file) => checkFileName(file) === null)
      .map((file) => ({ file, sha256: sha256(fs.readFileSync(path.join(dir, file))) }));
  }

  isPending(file: string): boolean {
    return this.pending().some((entry) => entry.file === file);
  }

  /** Moves pending code into the folder if the owner's hash matches what was received. */
  async confirm(file: string, expected: string): Promise<{ file: string; sha256: string }> {
    const bad = checkFileName(file);
    if (bad) throw new ActionFileError('bad_request', bad);
    const source = path.join(this.dir, PENDING_DIR, file);
    if (!fs.existsSync(source))
      throw new ActionFileError('not_found', `no code for ${file} waits for confirmation`);
    const actual = sha256(fs.readFileSync(source));
    if (actual !== expected.toLowerCase()) {
      throw new ActionFileError('conflict', `the SHA-256 of ${file} is ${actual}, not ${expected}`);
    }
    fs.renameSync(source, path.join(this.dir, file));
    await this.reload();
    return { file, sha256: actual };
  }
}

function checkUpload(file: string, bytes: Buffer): void {
  const bad = checkFileName(file);
  if (bad) throw new ActionFileError('bad_request', bad);
  if (bytes.length > MAX_ACTION_FILE_BYTES) {
    throw new ActionFileError(
      'too_large',
      `${file} is ${bytes.length} bytes; an action file is at most ${MAX_ACTION_FILE_BYTES}`,
    );
  }
}

function writeAtomically(target: string, bytes: Buffer): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, target);
}
