// The hub's answer on `hearth/devices/<id>/hand_shake` (contract 2.3): `approved <secret>`,
// `pending` or `rejected`. Words are case-insensitive; the secret is kept exactly as sent.
export type HandShakeReply =
  /** secret null: approved, but the hub no longer hands the secret out (it was used). */
  { kind: 'approved'; secret: string | null } | { kind: 'pending' } | { kind: 'rejected' };

export function parseHandShakeReply(payload: Buffer | string): HandShakeReply | null {
  const text = payload.toString().trim();
  const [word = '', secret, ...rest] = text.split(/\s+/);
  switch (word.toLowerCase()) {
    case 'approved':
      if (rest.length > 0) return null;
      return { kind: 'approved', secret: secret ?? null };
    case 'pending':
      return { kind: 'pending' };
    case 'rejected':
      return { kind: 'rejected' };
    default:
      return null;
  }
}
