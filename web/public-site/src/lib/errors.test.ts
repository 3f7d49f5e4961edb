import { describe, expect, it } from 'vitest';
import { errorFromBody, PublicApiError } from './api';
import { describeError, fieldOf, firstInvalid, isRetryable, mapFormError } from './errors';
import { translator } from './i18n';

const t = translator('vi');
const FIELDS = ['categoryId', 'title', 'description', 'files', 'captcha', 'email'] as const;

describe('fieldOf', () => {
  it('reads the server’s field paths', () => {
    expect(fieldOf('title', FIELDS)).toBe('title');
    expect(fieldOf('data.title', FIELDS)).toBe('title');
    expect(fieldOf('body/description', FIELDS)).toBe('description');
    expect(fieldOf('captcha.token', FIELDS)).toBe('captcha');
    expect(fieldOf('files.2', FIELDS)).toBe('files');
    expect(fieldOf('files[1]', FIELDS)).toBe('files');
    expect(fieldOf('data', FIELDS)).toBeNull();
    expect(fieldOf('request', FIELDS)).toBeNull();
    expect(fieldOf('', FIELDS)).toBeNull();
  });
});

describe('errorFromBody', () => {
  it('takes the server’s code, message and well-formed details', () => {
    const e = errorFromBody(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu chưa hợp lệ',
        details: [{ field: 'title', message: 'Quá dài' }, { nonsense: true }, null],
      },
    });
    expect(e).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ' });
    expect(e.details).toEqual([{ field: 'title', message: 'Quá dài' }]);
  });

  it('makes an HTTP_ code when the body is not the server’s', () => {
    expect(errorFromBody(502, null, 'Bad Gateway')).toMatchObject({
      code: 'HTTP_502',
      message: 'Bad Gateway',
    });
    expect(errorFromBody(500, '<html>')).toMatchObject({ code: 'HTTP_500', message: 'HTTP 500' });
  });
});

describe('describeError / isRetryable', () => {
  it('speaks of the network and timeouts in the reader’s language', () => {
    expect(describeError(new PublicApiError(0, 'NETWORK', 'Failed to fetch'), t)).toBe(
      t('common.networkError'),
    );
    expect(describeError(new PublicApiError(0, 'TIMEOUT', 'x'), translator('en'))).toBe(
      'The server took too long to answer. Please try again.',
    );
    expect(describeError(new PublicApiError(502, 'HTTP_502', 'Bad Gateway'), t)).toBe(
      t('common.serverError'),
    );
    expect(describeError(new PublicApiError(404, 'NOT_FOUND', 'Không tìm thấy'), t)).toBe('Không tìm thấy');
    expect(describeError(new Error('boom'), t)).toBe(t('common.serverError'));
  });

  it('says which failures may pass on a second try', () => {
    expect(isRetryable(new PublicApiError(0, 'NETWORK', ''))).toBe(true);
    expect(isRetryable(new PublicApiError(503, 'HTTP_503', ''))).toBe(true);
    expect(isRetryable(new PublicApiError(429, 'RATE_LIMITED', ''))).toBe(true);
    expect(isRetryable(new PublicApiError(400, 'VALIDATION_FAILED', ''))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });
});

describe('mapFormError', () => {
  it('puts each detail under its field and the rest in the summary', () => {
    const error = new PublicApiError(400, 'VALIDATION_FAILED', 'Tiêu đề: quá dài', [
      { field: 'data.title', message: 'Tối đa 200 ký tự' },
      { field: 'title', message: 'second message for title' },
      { field: 'captcha.nonce', message: 'Lời giải chống thư rác không đúng' },
      { field: 'unknown', message: 'Trường lạ' },
      { field: 'unknown2', message: 'Tiêu đề: quá dài' },
    ]);
    const mapped = mapFormError(error, FIELDS, t);
    expect(mapped.summary).toBe('Tiêu đề: quá dài');
    expect(mapped.fields).toEqual({
      title: 'Tối đa 200 ký tự',
      captcha: 'Lời giải chống thư rác không đúng',
    });
    expect(mapped.other).toEqual(['Trường lạ']);
    expect(firstInvalid(mapped.fields, FIELDS)).toBe('title');
  });

  it('has only a summary for a network failure', () => {
    expect(mapFormError(new PublicApiError(0, 'NETWORK', ''), FIELDS, t)).toEqual({
      summary: t('common.networkError'),
      fields: {},
      other: [],
    });
    expect(firstInvalid({}, FIELDS)).toBeNull();
  });
});
