import { describe, expect, it } from 'vitest';
import {
  loadHotlineMailConfig,
  parseHotlineMailConfig,
  parseMailboxUrl,
  redactMailboxUrl,
} from './mail-config.js';

const IMAP = 'imaps://duongdaynong%40nghean.gov.vn:S3cret-p%40ss@mail.nghean.gov.vn:993/INBOX';

describe('parseHotlineMailConfig', () => {
  it('turns both sources off when nothing is set (empty variables count as unset)', () => {
    expect(parseHotlineMailConfig({})).toEqual({
      ok: true,
      config: { addresses: [], smtp: undefined, imap: undefined },
    });
    expect(
      parseHotlineMailConfig({
        CHIDAO_HOTLINE_SMTP_PORT: '',
        CHIDAO_HOTLINE_IMAP_URL: '  ',
        CHIDAO_HOTLINE_ADDRESSES: '',
      }),
    ).toEqual({ ok: true, config: { addresses: [], smtp: undefined, imap: undefined } });
  });

  it('reads the listener with its defaults', () => {
    expect(
      parseHotlineMailConfig({
        CHIDAO_HOTLINE_ADDRESSES:
          ' DuongDayNong@NgheAn.gov.vn, tiepnhan@nghean.gov.vn,,duongdaynong@nghean.gov.vn ',
        CHIDAO_HOTLINE_SMTP_PORT: '2525',
      }),
    ).toEqual({
      ok: true,
      config: {
        addresses: ['duongdaynong@nghean.gov.vn', 'tiepnhan@nghean.gov.vn'],
        smtp: { host: '0.0.0.0', port: 2525, maxMessageBytes: 25 * 1024 * 1024, tls: undefined },
        imap: undefined,
      },
    });
  });

  it('reads every setting', () => {
    const result = parseHotlineMailConfig({
      CHIDAO_HOTLINE_ADDRESSES: 'duongdaynong@nghean.gov.vn',
      CHIDAO_HOTLINE_SMTP_PORT: '25',
      CHIDAO_HOTLINE_SMTP_HOST: '127.0.0.1',
      CHIDAO_HOTLINE_SMTP_MAX_MB: '10.5',
      CHIDAO_HOTLINE_SMTP_TLS_KEY: '/etc/chidao/smtp.key',
      CHIDAO_HOTLINE_SMTP_TLS_CERT: '/etc/chidao/smtp.crt',
      CHIDAO_HOTLINE_IMAP_URL: IMAP,
      CHIDAO_HOTLINE_IMAP_INTERVAL: '120',
      PORT: '3000',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        addresses: ['duongdaynong@nghean.gov.vn'],
        smtp: {
          host: '127.0.0.1',
          port: 25,
          maxMessageBytes: Math.round(10.5 * 1024 * 1024),
          tls: { key: '/etc/chidao/smtp.key', cert: '/etc/chidao/smtp.crt' },
        },
        imap: { url: IMAP, intervalSeconds: 120 },
      },
    });
  });

  it('reads the mailbox alone, with the default interval and no addresses needed', () => {
    expect(parseHotlineMailConfig({ CHIDAO_HOTLINE_IMAP_URL: IMAP })).toEqual({
      ok: true,
      config: { addresses: [], smtp: undefined, imap: { url: IMAP, intervalSeconds: 60 } },
    });
  });

  it('names every wrong variable, and never echoes the IMAP URL', () => {
    const result = parseHotlineMailConfig({
      CHIDAO_HOTLINE_ADDRESSES: 'duongdaynong@nghean.gov.vn, not-an-address',
      CHIDAO_HOTLINE_SMTP_PORT: '70000',
      CHIDAO_HOTLINE_SMTP_MAX_MB: '0',
      CHIDAO_HOTLINE_IMAP_URL: 'https://user:S3cret@mail.nghean.gov.vn',
      CHIDAO_HOTLINE_IMAP_INTERVAL: '1',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.split(':')[0])).toEqual([
      'CHIDAO_HOTLINE_ADDRESSES',
      'CHIDAO_HOTLINE_SMTP_PORT',
      'CHIDAO_HOTLINE_SMTP_MAX_MB',
      'CHIDAO_HOTLINE_IMAP_URL',
      'CHIDAO_HOTLINE_IMAP_INTERVAL',
    ]);
    expect(errors[0]).toContain('not-an-address');
    expect(errors.join('\n')).not.toContain('S3cret');
  });

  it('refuses a URL without credentials or not a URL at all', () => {
    for (const url of ['imaps://mail.nghean.gov.vn/INBOX', 'imaps://user@mail.nghean.gov.vn', 'S3cret']) {
      const result = parseHotlineMailConfig({ CHIDAO_HOTLINE_IMAP_URL: url });
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.errors.join()).not.toContain('S3cret');
    }
  });

  it('needs the addresses for the listener, and both TLS files or neither', () => {
    expect(parseHotlineMailConfig({ CHIDAO_HOTLINE_SMTP_PORT: '25' })).toEqual({
      ok: false,
      errors: ['CHIDAO_HOTLINE_ADDRESSES: the SMTP listener needs the hotline addresses it accepts'],
    });
    expect(
      parseHotlineMailConfig({
        CHIDAO_HOTLINE_ADDRESSES: 'duongdaynong@nghean.gov.vn',
        CHIDAO_HOTLINE_SMTP_PORT: '25',
        CHIDAO_HOTLINE_SMTP_TLS_KEY: '/etc/chidao/smtp.key',
      }),
    ).toEqual({
      ok: false,
      errors: ['CHIDAO_HOTLINE_SMTP_TLS_KEY / CHIDAO_HOTLINE_SMTP_TLS_CERT: give both files or neither'],
    });
  });

  it('loadHotlineMailConfig throws one error listing the problems', () => {
    expect(() => loadHotlineMailConfig({ CHIDAO_HOTLINE_SMTP_PORT: 'x' })).toThrow(
      /Invalid hotline mail settings:\n {2}CHIDAO_HOTLINE_SMTP_PORT: /,
    );
    expect(loadHotlineMailConfig({}).smtp).toBeUndefined();
  });
});

describe('parseMailboxUrl / redactMailboxUrl', () => {
  it('decodes the user and password and defaults the port and the folder', () => {
    expect(parseMailboxUrl(IMAP)).toEqual({
      secure: true,
      host: 'mail.nghean.gov.vn',
      port: 993,
      user: 'duongdaynong@nghean.gov.vn',
      password: 'S3cret-p@ss',
      mailbox: 'INBOX',
    });
    expect(
      parseMailboxUrl('imap://u:p@mail.nghean.gov.vn/H%C3%B2m%20th%C6%B0/Ph%E1%BA%A3n%20%C3%A1nh'),
    ).toEqual({
      secure: false,
      host: 'mail.nghean.gov.vn',
      port: 143,
      user: 'u',
      password: 'p',
      mailbox: 'Hòm thư/Phản ánh',
    });
    expect(parseMailboxUrl('imaps://u:p@[::1]:1993').host).toBe('::1');
    expect(parseMailboxUrl('imaps://u:p@[::1]:1993').mailbox).toBe('INBOX');
  });

  it('redacts the password', () => {
    expect(redactMailboxUrl(IMAP)).toBe(
      'imaps://duongdaynong%40nghean.gov.vn:***@mail.nghean.gov.vn:993/INBOX',
    );
    expect(redactMailboxUrl('S3cret')).toBe('(invalid IMAP URL)');
  });
});
