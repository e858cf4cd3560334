import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 as GoTrue uses it: SHA-1, six digits, 30 s periods, one period of skew. */
const TOTP_OPTIONS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

export interface TotpEnrollment {
  secret: string;
  uri: string;
  /** Raw SVG markup; the client prefixes the data: URI itself. */
  qrCode: string;
}

/** A fresh 160-bit secret with its otpauth:// URI and QR code for authenticator apps. */
export async function newTotpEnrollment(issuer: string, accountName: string): Promise<TotpEnrollment> {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ ...TOTP_OPTIONS, issuer, label: accountName, secret });
  const uri = totp.toString();
  return { secret: secret.base32, uri, qrCode: await QRCode.toString(uri, { type: 'svg' }) };
}

export function totpCodeMatches(secretBase32: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return TOTP.validate({ ...TOTP_OPTIONS, token: code, secret: Secret.fromBase32(secretBase32), window: 1 }) !== null;
}
