import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { supabase } from '../../../lib/supabase.ts';
import { svgDataUrl } from '../totp.utils.ts';
import { fetchTotpFactors } from './factors-query.ts';

export interface TotpEnrollment {
  factorId: string;
  /** A data: URL of the QR code image (the server's SVG, or one drawn from the URI if it sent none). */
  qrImage: string;
  secret: string;
  uri: string;
}

/** Abandoned enrolments would block a new one with the same name: remove them first. */
async function removeUnverifiedFactors() {
  for (const factor of await fetchTotpFactors()) {
    if (factor.status !== 'verified') await supabase.auth.mfa.unenroll({ factorId: factor.id });
  }
}

/** Starts enrolling an authenticator app; it counts only once a code from it is verified. */
export async function enrollTotp(): Promise<TotpEnrollment> {
  await removeUnverifiedFactors();
  const { data, error } = await supabase.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Authenticator app' });
  if (error) throw error;
  const { qr_code: qrCode, secret, uri } = data.totp;
  const qrImage = qrCode ? svgDataUrl(qrCode) : await QRCode.toDataURL(uri, { margin: 1, width: 200 });
  return { factorId: data.id, qrImage, secret, uri };
}

export function useEnrollTotpMutation() {
  return useMutation({ mutationFn: enrollTotp });
}
