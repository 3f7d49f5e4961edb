import { describe, expect, it } from 'vitest';
import { errorFromBody, formPath, SurveyApiError } from './api';
import { describeFailure, itemOfField, retryMessage } from './errors';

const CODES = new Set(['gioi_tinh', 'bang', '1.1']);
const body = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, key: `survey.public.${code.toLowerCase()}`, message, requestId: 'r1', ...extra },
});

describe('errorFromBody', () => {
  it("reads the app's error shape (server/core/http.ts), key and details included", () => {
    const e = errorFromBody(
      400,
      body('ANSWERS_INVALID', 'Phiếu còn 2 chỗ cần sửa trước khi gửi.', {
        details: [{ field: 'gioi_tinh', message: 'Xin trả lời' }, { nope: 1 }],
      }),
    );
    expect(e).toBeInstanceOf(SurveyApiError);
    expect(e).toMatchObject({ status: 400, code: 'ANSWERS_INVALID', key: 'survey.public.answers_invalid' });
    expect(e.details).toEqual([{ field: 'gioi_tinh', message: 'Xin trả lời' }]);
  });

  it("makes one from the status when the body is not the app's (a proxy's page)", () => {
    expect(errorFromBody(502, null, 'Bad Gateway')).toMatchObject({
      code: 'HTTP_502',
      message: 'Bad Gateway',
      key: null,
    });
  });
});

describe('formPath', () => {
  it('opens a QR code or an invitation, escaped', () => {
    expect(formPath({ kind: 'code', code: 'NA 7K' })).toBe('/api/public/surveys/forms/NA%207K');
    expect(formPath({ kind: 'token', token: 'a/b' })).toBe('/api/public/surveys/invitations/a%2Fb');
  });
});

describe('itemOfField', () => {
  it('finds the question (and the row) a server detail names', () => {
    expect(itemOfField('gioi_tinh', CODES)).toEqual({ item: 'gioi_tinh', row: null });
    expect(itemOfField('bang[r2]', CODES)).toEqual({ item: 'bang', row: 'r2' });
    expect(itemOfField('answers.gioi_tinh', CODES)).toEqual({ item: 'gioi_tinh', row: null });
    expect(itemOfField('answers/bang[r1]', CODES)).toEqual({ item: 'bang', row: 'r1' });
    expect(itemOfField('1.1', CODES)).toEqual({ item: '1.1', row: null });
    expect(itemOfField('bang.r3', CODES)).toEqual({ item: 'bang', row: 'r3' });
    expect(itemOfField('captcha.token', CODES)).toBeNull();
    expect(itemOfField('answers', CODES)).toBeNull();
  });
});

describe('describeFailure', () => {
  const fail = (status: number, code: string, message = 'msg', extra: Record<string, unknown> = {}) =>
    describeFailure(errorFromBody(status, body(code, message, extra)), CODES, true);

  it("maps the server's answers to the page's situations", () => {
    expect(fail(404, 'NOT_FOUND').situation).toBe('notFound');
    expect(fail(410, 'SURVEY_NOT_OPEN', 'Đã kết thúc ngày 31/12/2026').situation).toBe('closed');
    expect(fail(410, 'SURVEY_NOT_OPEN', 'Đã kết thúc ngày 31/12/2026').serverMessage).toBe(
      'Đã kết thúc ngày 31/12/2026',
    );
    expect(fail(409, 'INVITATION_USED').situation).toBe('used');
    expect(fail(409, 'FORM_CHANGED').situation).toBe('changed');
    expect(fail(409, 'STALE_VERSION').situation).toBe('changed');
    expect(fail(429, 'RATE_LIMITED').situation).toBe('retry');
    expect(fail(500, 'INTERNAL').situation).toBe('retry');
    expect(fail(400, 'CAPTCHA_INVALID').situation).toBe('retry');
    expect(fail(400, 'CAPTCHA_EXPIRED').situation).toBe('retry');
    expect(fail(403, 'FORBIDDEN', 'Không được phép').situation).toBe('invalid');
  });

  it('puts answer problems at their questions, the rest in a list', () => {
    const f = fail(400, 'ANSWERS_INVALID', 'Phiếu còn 3 chỗ cần sửa', {
      details: [
        { field: 'gioi_tinh', message: 'Xin trả lời câu "Giới tính" (câu bắt buộc).' },
        { field: 'bang[r1]', message: 'Xin đánh giá tiêu chí "Tiêu chí 1"' },
        { field: 'khong_co', message: 'Câu "khong_co" không có trong phiếu này' },
      ],
    });
    expect(f.situation).toBe('answers');
    expect(f.items).toEqual([
      { item: 'gioi_tinh', row: null, message: 'Xin trả lời câu "Giới tính" (câu bắt buộc).' },
      { item: 'bang', row: 'r1', message: 'Xin đánh giá tiêu chí "Tiêu chí 1"' },
    ]);
    expect(f.other).toEqual(['Câu "khong_co" không có trong phiếu này']);
    // A 400 naming no question (the envelope) is said as the server says it.
    const envelope = fail(400, 'VALIDATION_FAILED', 'clientKey: too short', {
      details: [{ field: 'clientKey', message: 'too short' }],
    });
    expect(envelope.situation).toBe('invalid');
    expect(envelope.serverMessage).toBe('clientKey: too short');
  });

  it('tells a dropped connection from being offline', () => {
    const lost = new SurveyApiError(0, 'NETWORK', 'Failed to fetch');
    expect(describeFailure(lost, CODES, true).situation).toBe('network');
    expect(describeFailure(lost, CODES, false).situation).toBe('offline');
    expect(describeFailure(new SurveyApiError(0, 'TIMEOUT', 'timeout'), CODES, true)).toMatchObject({
      situation: 'network',
      serverMessage: null,
    });
    expect(describeFailure(new Error('boom'), CODES, true).situation).toBe('retry');
  });
});

describe('retryMessage', () => {
  const of = (status: number, code: string, message = 'Máy chủ nói') =>
    retryMessage(describeFailure(errorFromBody(status, body(code, message)), CODES, true));

  it("says what happened in the page's words, or the server's when it is precise", () => {
    expect(retryMessage(describeFailure(new SurveyApiError(0, 'NETWORK', 'x'), CODES, true))).toEqual({
      key: 'send.failed',
    });
    expect(of(429, 'RATE_LIMITED')).toEqual({ key: 'send.rateLimited' });
    expect(of(400, 'CAPTCHA_INVALID')).toEqual({ key: 'send.captchaError' });
    expect(of(503, 'UNAVAILABLE')).toEqual({ key: 'common.serverError' });
    expect(retryMessage(describeFailure(errorFromBody(502, null, 'Bad Gateway'), CODES, true))).toEqual({
      key: 'common.serverError',
    });
    expect(of(403, 'FORBIDDEN', 'Yêu cầu không hợp lệ')).toEqual({ text: 'Yêu cầu không hợp lệ' });
  });
});
