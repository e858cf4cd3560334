import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { constants, copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errors } from './errors.ts';

/** A fully received upload, still in the temp folder until its row commits. */
export interface StagedBlob {
  tempPath: string;
  size: number;
  md5: string;
}

/** Larger reads than fs's 64 KiB default: fewer chunks through the gateway for big downloads. */
const READ_CHUNK_BYTES = 512 * 1024;

const VERSION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Counts and hashes bytes on their way to disk, failing as soon as the limit is passed. */
class MeteredStream extends Transform {
  readonly hash = createHash('md5');
  size = 0;

  constructor(private readonly limit: number) {
    super();
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.limit) {
      callback(errors.entityTooLarge());
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * Object bytes on local disk. Each stored version is an immutable file named by its version
 * (a server-made uuid), so keys never touch the filesystem and a rename is a row update:
 *   <root>/tmp/<uuid>                 uploads in progress
 *   <root>/versions/<ab>/<version>    committed bytes, referenced by storage.objects.version
 */
export class BlobStore {
  private readonly tempDir: string;
  private readonly versionsDir: string;

  constructor(root: string) {
    this.tempDir = path.join(root, 'tmp');
    this.versionsDir = path.join(root, 'versions');
  }

  /** Creates the folders and discards uploads a previous run left unfinished. */
  async prepare() {
    await rm(this.tempDir, { recursive: true, force: true });
    await mkdir(this.tempDir, { recursive: true });
    await mkdir(this.versionsDir, { recursive: true });
  }

  /** Streams a body to a temp file, enforcing the size limit while it arrives. */
  async stage(body: Readable, limit: number): Promise<StagedBlob> {
    const tempPath = path.join(this.tempDir, randomUUID());
    const meter = new MeteredStream(limit);
    const file = createWriteStream(tempPath, { flags: 'wx' });
    try {
      await pipeline(body, meter, file);
    } catch (error) {
      // pipeline can settle before the file it destroyed is even open: removed too early, it would stay.
      if (!file.closed) await new Promise<void>((closed) => file.once('close', closed));
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, size: meter.size, md5: meter.hash.digest('hex') };
  }

  /** Stages a copy of a stored version (for object copies). */
  async stageCopy(version: string): Promise<string> {
    const tempPath = path.join(this.tempDir, randomUUID());
    await copyFile(this.pathOf(version), tempPath, constants.COPYFILE_FICLONE);
    return tempPath;
  }

  /** Moves staged bytes to their version's place; called inside the row's transaction. */
  async commit(tempPath: string, version: string) {
    const target = this.pathOf(version);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tempPath, target);
  }

  async discardTemp(tempPath: string) {
    await rm(tempPath, { force: true });
  }

  /** Removes stored versions no row references any more; missing files are fine. */
  async remove(versions: (string | null | undefined)[]) {
    await Promise.all(
      versions.filter((v): v is string => Boolean(v) && VERSION.test(v!)).map((v) => rm(this.pathOf(v), { force: true })),
    );
  }

  /** Opens a version for reading; null when its bytes are not on disk. */
  async open(version: string | null, range?: { start: number; end: number }): Promise<ReadStream | null> {
    if (!version || !VERSION.test(version)) return null;
    const stream = createReadStream(this.pathOf(version), {
      start: range?.start,
      end: range?.end,
      highWaterMark: READ_CHUNK_BYTES,
    });
    try {
      await once(stream, 'open');
      return stream;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Version files on disk and uploads in progress (for consistency checks). */
  async inventory(): Promise<{ versions: string[]; temp: string[] }> {
    const groups = await readdir(this.versionsDir).catch(() => []);
    const nested = await Promise.all(groups.map((group) => readdir(path.join(this.versionsDir, group))));
    return { versions: nested.flat(), temp: await readdir(this.tempDir).catch(() => []) };
  }

  /** Only server-made uuids name files, whatever a `version` column may have been set to by SQL. */
  private pathOf(version: string): string {
    if (!VERSION.test(version)) throw errors.noSuchKey();
    return path.join(this.versionsDir, version.slice(0, 2), version);
  }
}
