import { describe, expect, it } from 'vitest';
import { cleanCode, groupSecret, otpauthUri } from './otpauth';

describe('two-factor setup', () => {
  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('jbsw y3dp ehpk 3pxp', 'admin')).toBe('otpauth://totp/Footfall:admin?secret=JBSWY3DPEHPK3PXP&issuer=Footfall&algorithm=SHA1&digits=6&period=30');
    expect(otpauthUri('ABC', 'a b@x', 'My Stats')).toBe('otpauth://totp/My%20Stats:a%20b%40x?secret=ABC&issuer=My%20Stats&algorithm=SHA1&digits=6&period=30');
  });
  it('groups the secret by four for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
  it('accepts six digits, with spaces or a dash', () => {
    expect(cleanCode('123456')).toBe('123456');
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('123-456')).toBe('123456');
    expect(cleanCode('12345')).toBeNull();
    expect(cleanCode('12345a')).toBeNull();
  });
});
