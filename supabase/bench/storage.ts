/**
 * Storage throughput: a 10 MB object uploaded and downloaded with supabase-js through the gateway,
 * next to baselines measured in the same run: the same bytes through a plain local HTTP server
 * (written to and read from disk) and a direct disk write/read. Needs a running stack at
 * STACK_PORT_OFFSET; creates and removes its own bucket; bounded (fixed rounds, 2-minute cap).
 *   STACK_PORT_OFFSET=300 npx tsx supabase/bench/storage.ts
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { loadConfig } from '../local/config.ts';
import { SERVICE_ROLE_KEY } from '../local/keys.ts';
import { percentile, printTable, runWhenMain } from './report.ts';

const SIZE = 10 * 1024 * 1024;
const ROUNDS = 5;
const TIME_CAP_MS = 120_000;

type Timed = () => Promise<unknown>;

/** Median throughput in MB/s over ROUNDS runs (after one warm-up). */
async function throughput(work: Timed): Promise<number> {
  await work();
  const seconds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await work();
    seconds.push((performance.now() - started) / 1000);
  }
  return SIZE / 1e6 / percentile(seconds, 50);
}

/** A bare HTTP server that stores one upload on disk and serves it back. */
async function plainServer(dir: string) {
  const file = path.join(dir, 'plain.bin');
  const server = http.createServer((req, res) => {
    const done = () => res.end();
    if (req.method === 'PUT') pipeline(req, createWriteStream(file)).then(done, done);
    else pipeline(createReadStream(file), res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function measure(dir: string) {
  const payload = randomBytes(SIZE);
  const body = payload.buffer.slice(payload.byteOffset, payload.byteOffset + SIZE) as ArrayBuffer;
  const supabase = createClient(loadConfig().api.url, SERVICE_ROLE_KEY, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  const bucket = `bench-${Date.now().toString(36)}`;
  const created = await supabase.storage.createBucket(bucket, { public: false });
  if (created.error) throw created.error;
  const files = supabase.storage.from(bucket);
  const plain = await plainServer(dir);
  try {
    const fail = (error: unknown) => {
      if (error) throw error;
    };
    return {
      storageUpload: await throughput(async () => fail((await files.upload('10mb.bin', body, { upsert: true, contentType: 'application/octet-stream' })).error)),
      storageBlobUpload: await throughput(async () => fail((await files.upload('10mb.bin', new Blob([body]), { upsert: true })).error)),
      storageDownload: await throughput(async () => (await (await files.download('10mb.bin')).data!.arrayBuffer()).byteLength),
      plainUpload: await throughput(() => fetch(plain.url, { method: 'PUT', body }).then((r) => r.arrayBuffer())),
      plainDownload: await throughput(() => fetch(plain.url).then((r) => r.arrayBuffer())),
      diskWrite: await throughput(() => writeFile(path.join(dir, 'disk.bin'), payload)),
      diskRead: await throughput(() => readFile(path.join(dir, 'disk.bin'))),
    };
  } finally {
    await plain.close();
    await files.remove(['10mb.bin']);
    await supabase.storage.deleteBucket(bucket);
  }
}

export async function run() {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-storage-'));
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`storage benchmark exceeded ${TIME_CAP_MS / 1000} s`)), TIME_CAP_MS);
  });
  try {
    const r = await Promise.race([measure(dir), cap]);
    const mbps = (value: number) => `${value.toFixed(0)} MB/s`;
    printTable(`Storage throughput, 10 MB object (median of ${ROUNDS})`, [
      ['', 'upload', 'download'],
      ['supabase-js → gateway → storage (ArrayBuffer)', mbps(r.storageUpload), mbps(r.storageDownload)],
      ['supabase-js → gateway → storage (Blob, multipart)', mbps(r.storageBlobUpload), ''],
      ['baseline: fetch → plain local HTTP server → disk', mbps(r.plainUpload), mbps(r.plainDownload)],
      ['baseline: disk write / read (fs)', mbps(r.diskWrite), mbps(r.diskRead)],
    ]);
  } finally {
    clearTimeout(timer);
    await rm(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, run);
