import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.ts';
import { isStoredMessage, type StoredMessage } from './message.ts';

/** Like Mailpit's default cap: the oldest messages are pruned beyond this. */
export const MAX_STORED_MESSAGES = 1000;

/**
 * Messages on disk, one `<ID>.json` (parsed) and one `<ID>.eml` (raw) each, mirrored in memory
 * oldest first. Files are written to a temporary name and renamed, so a crash never leaves a
 * half-written message behind.
 */
export class MailStore {
  private readonly messages: StoredMessage[] = [];
  private lastCreated = 0;

  private constructor(
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  static async open(dir: string, log: Logger): Promise<MailStore> {
    const store = new MailStore(dir, log);
    await mkdir(dir, { recursive: true });
    await store.load();
    return store;
  }

  private async load() {
    for (const file of await readdir(this.dir)) {
      if (file.endsWith('.tmp')) await rm(path.join(this.dir, file), { force: true });
      if (!file.endsWith('.json')) continue;
      try {
        const parsed: unknown = JSON.parse(await readFile(path.join(this.dir, file), 'utf8'));
        if (isStoredMessage(parsed)) this.messages.push(parsed);
        else this.log.warn('skipping an unreadable stored message', { file });
      } catch (err) {
        this.log.warn('skipping an unreadable stored message', { file, err });
      }
    }
    this.messages.sort((a, b) => a.Created.localeCompare(b.Created));
    const newest = this.messages.at(-1);
    this.lastCreated = newest ? Date.parse(newest.Created) : 0;
  }

  /** A receive time strictly after the previous one, so "newest first" is never ambiguous. */
  nextCreated(): Date {
    this.lastCreated = Math.max(Date.now(), this.lastCreated + 1);
    return new Date(this.lastCreated);
  }

  private file(id: string, extension: 'json' | 'eml') {
    return path.join(this.dir, `${id}.${extension}`);
  }

  private async writeAtomically(target: string, content: string | Buffer) {
    const temporary = `${target}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
  }

  async add(message: StoredMessage, raw: Buffer) {
    await this.writeAtomically(this.file(message.ID, 'eml'), raw);
    await this.writeAtomically(this.file(message.ID, 'json'), JSON.stringify(message));
    this.messages.push(message);
    const excess = this.messages.length - MAX_STORED_MESSAGES;
    if (excess > 0) await this.delete(this.messages.slice(0, excess).map((m) => m.ID));
  }

  /** Newest first. */
  list(filter: (message: StoredMessage) => boolean = () => true): StoredMessage[] {
    return this.messages.filter(filter).reverse();
  }

  get(id: string): StoredMessage | undefined {
    return this.messages.find((message) => message.ID === id);
  }

  latest(): StoredMessage | undefined {
    return this.messages.at(-1);
  }

  async raw(id: string): Promise<Buffer | undefined> {
    if (!this.get(id)) return undefined;
    return readFile(this.file(id, 'eml')).catch(() => undefined);
  }

  async markRead(message: StoredMessage) {
    if (message.Read) return;
    message.Read = true;
    await this.writeAtomically(this.file(message.ID, 'json'), JSON.stringify(message));
  }

  /** Deletes the given messages (unknown IDs are ignored); returns how many were removed. */
  async delete(ids: readonly string[]): Promise<number> {
    const doomed = new Set(ids);
    let removed = 0;
    for (let index = this.messages.length - 1; index >= 0; index--) {
      const { ID } = this.messages[index];
      if (!doomed.has(ID)) continue;
      this.messages.splice(index, 1);
      await rm(this.file(ID, 'json'), { force: true });
      await rm(this.file(ID, 'eml'), { force: true });
      removed++;
    }
    return removed;
  }

  async deleteAll(): Promise<number> {
    return this.delete(this.messages.map((message) => message.ID));
  }

  get size(): number {
    return this.messages.length;
  }

  get unread(): number {
    return this.messages.filter((message) => !message.Read).length;
  }
}
