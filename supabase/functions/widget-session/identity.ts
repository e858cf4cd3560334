const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * Whether `hash` is hex(HMAC-SHA256(key = secret, message = userId)), the identity proof host sites
 * compute on their server (Chatwoot's and Intercom's scheme). WebCrypto's verify compares the MACs in
 * constant time; a malformed hash is simply not valid.
 */
export async function identityHashValid(secret: string, userId: string, hash: string): Promise<boolean> {
  const signature = hexToBytes(hash);
  if (!signature) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, signature, encoder.encode(userId));
}
