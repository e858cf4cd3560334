import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { createTestBucket, removeBucket, storageUser, type StorageUser } from './storage-helpers.ts';

/**
 * The app's RLS policies on storage.objects decide every object operation. The policies are the
 * classic "users own the folder named after their id" and are created with SQL (local stack).
 */
describe.runIf(IS_LOCAL)('storage RLS: users own the folder named after their id', () => {
  let bucket: string;
  let owner: StorageUser;
  let stranger: StorageUser;
  const ownFolder = `(storage.foldername(name))[1] = (select auth.uid())::text`;
  const policies = ['select', 'insert', 'update', 'delete'];
  const policyName = (action: string) => `${bucket} ${action} own folder`;

  beforeAll(async () => {
    bucket = await createTestBucket('rls');
    const scoped = `bucket_id = '${bucket}' and ${ownFolder}`;
    for (const action of policies) {
      const rule = action === 'insert' ? `with check (${scoped})` : action === 'update'
        ? `using (${scoped}) with check (${scoped})` : `using (${scoped})`;
      await superuserSql(`create policy "${policyName(action)}" on storage.objects for ${action} to authenticated ${rule}`);
    }
    owner = await storageUser('rls-owner');
    stranger = await storageUser('rls-stranger');
    const upload = await owner.supabase.storage.from(bucket).upload(`${owner.userId}/secret.txt`, 'owner only');
    if (upload.error) throw upload.error;
  });

  afterAll(async () => {
    for (const action of policies) await superuserSql(`drop policy if exists "${policyName(action)}" on storage.objects`);
    await removeBucket(bucket);
  });

  const ownerFile = () => `${owner.userId}/secret.txt`;

  it('lets the owner read, list, inspect and sign their own files', async () => {
    const files = owner.supabase.storage.from(bucket);
    expect(await (await files.download(ownerFile())).data?.text()).toBe('owner only');
    expect((await files.list(owner.userId)).data?.map((o) => o.name)).toEqual(['secret.txt']);
    expect((await files.info(ownerFile())).data).toMatchObject({ size: 10 });
    expect((await files.createSignedUrl(ownerFile(), 60)).error).toBeNull();
  });

  it('records the uploader as owner', async () => {
    const [row] = await superuserSql<{ owner_id: string; owner: string }>(
      'select owner_id, owner::text from storage.objects where bucket_id = $1 and name = $2',
      [bucket, ownerFile()],
    );
    expect(row).toEqual({ owner_id: owner.userId, owner: owner.userId });
  });

  it('hides another user’s file as if it did not exist (NoSuchKey)', async () => {
    const files = stranger.supabase.storage.from(bucket);
    expect((await files.info(ownerFile())).error).toMatchObject({ statusCode: '404', code: 'NoSuchKey' });
    expect((await files.exists(ownerFile())).data).toBe(false);
    expect((await files.download(ownerFile())).error).toMatchObject({ status: 400 });
    expect((await files.list(owner.userId)).data).toEqual([]);
    expect((await files.createSignedUrl(ownerFile(), 60)).error).toMatchObject({ statusCode: '404' });
    const batch = await files.createSignedUrls([ownerFile()], 60);
    expect(batch.data?.[0]).toMatchObject({ signedURL: null });
  });

  it('refuses an upload into another user’s folder with the 403 AccessDenied shape', async () => {
    const { error } = await stranger.supabase.storage.from(bucket).upload(`${owner.userId}/intruder.txt`, 'x');
    expect(error).toMatchObject({ status: 400, statusCode: '403', code: 'AccessDenied' });
    expect((await admin().storage.from(bucket).exists(`${owner.userId}/intruder.txt`)).data).toBe(false);
  });

  it('refuses to overwrite, move, copy or delete another user’s file', async () => {
    const files = stranger.supabase.storage.from(bucket);
    const upsert = await files.upload(ownerFile(), 'overwritten', { upsert: true });
    expect(upsert.error).toMatchObject({ statusCode: '403' });
    expect((await files.move(ownerFile(), `${stranger.userId}/stolen.txt`)).error).toMatchObject({ statusCode: '404' });
    expect((await files.copy(ownerFile(), `${stranger.userId}/copied.txt`)).error).toMatchObject({ statusCode: '404' });
    expect((await files.remove([ownerFile()])).data).toEqual([]);
    expect(await (await owner.supabase.storage.from(bucket).download(ownerFile())).data?.text()).toBe('owner only');
  });

  it('refuses to sign an upload URL for another user’s folder', async () => {
    const { error } = await stranger.supabase.storage.from(bucket).createSignedUploadUrl(`${owner.userId}/later.txt`);
    expect(error).toMatchObject({ statusCode: '403', code: 'AccessDenied' });
  });

  it('lets the owner sign an upload URL that later works without any session', async () => {
    const path = `${owner.userId}/signed.txt`;
    const signed = await owner.supabase.storage.from(bucket).createSignedUploadUrl(path);
    const uploaded = await client().storage.from(bucket).uploadToSignedUrl(path, signed.data!.token, 'signed');
    expect(uploaded.error).toBeNull();
    const [row] = await superuserSql<{ owner_id: string }>(
      'select owner_id from storage.objects where bucket_id = $1 and name = $2',
      [bucket, path],
    );
    expect(row.owner_id).toBe(owner.userId);
  });

  it('refuses the anon role everything in the private bucket', async () => {
    const files = client().storage.from(bucket);
    expect((await files.upload('anon.txt', 'x')).error).toMatchObject({ statusCode: '403' });
    expect((await files.info(ownerFile())).error).toMatchObject({ statusCode: '404' });
  });

  it('lets the owner move and remove their own files', async () => {
    const files = owner.supabase.storage.from(bucket);
    await files.upload(`${owner.userId}/temp.txt`, 'temp');
    expect((await files.move(`${owner.userId}/temp.txt`, `${owner.userId}/moved.txt`)).error).toBeNull();
    expect((await files.move(`${owner.userId}/moved.txt`, `${stranger.userId}/gift.txt`)).error).toMatchObject({
      statusCode: '403',
    });
    const removed = await files.remove([`${owner.userId}/moved.txt`]);
    expect(removed.data?.map((o) => o.name)).toEqual([`${owner.userId}/moved.txt`]);
  });
});
