// Two-factor setup: the otpauth:// URI an authenticator app reads from the QR code
// (Key Uri Format: otpauth://totp/<issuer>:<account>?secret=…&issuer=…).

export function otpauthUri(secret: string, account: string, issuer = 'Footfall'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const key = secret.replace(/\s+/g, '').toUpperCase();
  // SHA-1, 6 digits, 30 s: what the server checks and every authenticator app assumes.
  return `otpauth://totp/${label}?secret=${encodeURIComponent(key)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** A six-digit code as typed (spaces and dashes allowed), or null when it is not one. */
export function cleanCode(input: string): string | null {
  const s = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(s) ? s : null;
}
