import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy (length first, NIST SP 800-63B §5.1.1.2)', () => {
  it.each([
    ['short1', 'password.too_short'],
    ['x'.repeat(129) + '1', 'password.too_long'],
    ['abcdefghijkl', 'password.classes'],
    ['1234567890123', 'password.classes'],
    ['nguyenvana-2026', 'password.contains_email'],
    ['Password123', 'password.common'],
  ])('%s → %s', (pw, key) => {
    expect(checkPassword(pw, 'nguyenvana@nghean.gov.vn')?.key).toBe(key);
  });

  it.each(['chidao-demo', 'Cải cách hành chính 2026', 'mật khẩu dài có dấu cách 7', 'ABCdefghij'])(
    'accepts %s',
    (pw) => {
      expect(checkPassword(pw, 'someone@nghean.gov.vn')).toBeNull();
    },
  );

  it('counts characters, not bytes (Vietnamese letters count once)', () => {
    expect(checkPassword('Đường-dây', 'x@y.vn')?.key).toBe('password.too_short');
    expect(checkPassword('Đường-dâyy', 'x@y.vn')).toBeNull();
  });

  it('treats Vietnamese capitals as upper-case letters', () => {
    expect(checkPassword('ĐĂNGKÝĐĂNGKÝ', 'x@y.vn')?.key).toBe('password.classes');
    expect(checkPassword('ĐăngKýĐăngKý', 'x@y.vn')).toBeNull();
  });
});
