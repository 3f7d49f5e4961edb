import { describe, expect, it } from 'vitest';
import { PUBLIC_DESCRIPTION_MIN, publicFeedbackIn } from '../../../../server/modules/hotline/hotline.schemas';
import {
  acceptAttribute,
  checkFiles,
  emptyFeedback,
  feedbackFormData,
  feedbackPayload,
  fileType,
  MAX,
  MIN_DESCRIPTION,
  newIdempotencyKey,
  typeAccepted,
  validateFeedback,
  type FeedbackValues,
} from './feedback-form';

const CATEGORY = '11111111-1111-4111-8111-111111111111';
const filled = (over: Partial<FeedbackValues> = {}): FeedbackValues => ({
  ...emptyFeedback(),
  categoryId: CATEGORY,
  title: 'Chậm trả kết quả',
  description: 'Hồ sơ nộp ngày 02/03 đến nay chưa có kết quả.',
  ...over,
});

describe('validateFeedback', () => {
  it('asks for the category, title and description', () => {
    const problems = validateFeedback(emptyFeedback());
    expect(Object.keys(problems).sort()).toEqual(['categoryId', 'description', 'title']);
    expect(problems.categoryId?.key).toBe('v.category');
    expect(validateFeedback(filled())).toEqual({});
  });

  it('treats blank text as missing', () => {
    expect(validateFeedback(filled({ title: '   ', description: '\n\t' }))).toEqual({
      title: { key: 'v.title' },
      description: { key: 'v.description', params: { min: MIN_DESCRIPTION } },
    });
  });

  it('asks for a description of at least the length the server takes', () => {
    expect(MIN_DESCRIPTION).toBe(PUBLIC_DESCRIPTION_MIN);
    const short = ` ${'x'.repeat(MIN_DESCRIPTION - 1)} `;
    expect(validateFeedback(filled({ description: short })).description).toEqual({
      key: 'v.description',
      params: { min: MIN_DESCRIPTION },
    });
    expect(validateFeedback(filled({ description: 'x'.repeat(MIN_DESCRIPTION) }))).toEqual({});
  });

  it('checks what the server checks: the two agree on lengths', () => {
    const captcha = { token: 't', nonce: '1' };
    const server = (v: FeedbackValues) =>
      publicFeedbackIn.safeParse(feedbackPayload(v, 'key-1234-5678', captcha)).success;
    for (const v of [
      filled(),
      filled({ description: 'x'.repeat(MIN_DESCRIPTION - 1) }),
      filled({ description: 'x'.repeat(MAX.description + 1) }),
      filled({ title: 'a'.repeat(MAX.title + 1) }),
      filled({ place: 'p'.repeat(MAX.place + 1) }),
    ])
      expect(server(v), JSON.stringify(v).slice(0, 80)).toBe(Object.keys(validateFeedback(v)).length === 0);
  });

  it('counts lengths after trimming, as the server does', () => {
    expect(validateFeedback(filled({ title: ` ${'a'.repeat(200)} ` }))).toEqual({});
    expect(validateFeedback(filled({ title: 'a'.repeat(201) })).title).toEqual({
      key: 'v.tooLong',
      params: { max: 200, count: 201 },
    });
    expect(validateFeedback(filled({ description: 'x'.repeat(5001) })).description?.key).toBe('v.tooLong');
    expect(validateFeedback(filled({ place: 'x'.repeat(301) })).place?.key).toBe('v.tooLong');
  });

  it('checks the e-mail and phone shapes, and following needs an e-mail', () => {
    expect(validateFeedback(filled({ email: 'ten@example' })).email?.key).toBe('v.email');
    expect(validateFeedback(filled({ email: 'ten @example.vn' })).email?.key).toBe('v.email');
    expect(validateFeedback(filled({ email: ' ten@so-tu-phap.nghean.gov.vn ' }))).toEqual({});
    expect(validateFeedback(filled({ phone: '+84 (238) 384-1234' }))).toEqual({});
    expect(validateFeedback(filled({ phone: '0912abc' })).phone?.key).toBe('v.phone');
    expect(validateFeedback(filled({ follow: true })).follow?.key).toBe('v.followNeedsEmail');
    expect(validateFeedback(filled({ follow: true, email: 'a@b.vn' }))).toEqual({});
  });

  it('refuses a unit name typed but not picked from the list', () => {
    expect(validateFeedback(filled({ subjectText: 'xa anh son' })).subjectUnitId?.key).toBe('v.subjectPick');
    expect(
      validateFeedback(filled({ subjectText: 'Xã Anh Sơn', subject: { id: 'u1', name: 'Xã Anh Sơn' } })),
    ).toEqual({});
  });
});

describe('feedbackPayload / feedbackFormData', () => {
  const captcha = { token: 'tok', nonce: '42' };

  it('trims texts and sends the unit id, the key and the captcha', () => {
    const payload = feedbackPayload(
      filled({
        title: '  Chậm  ',
        subject: { id: 'u1', name: 'Xã Anh Sơn' },
        lat: 18.9,
        lng: 105.1,
        email: ' a@b.vn ',
        anonymous: true,
      }),
      'key-1234-5678',
      captcha,
    );
    expect(payload).toMatchObject({
      categoryId: CATEGORY,
      subjectUnitId: 'u1',
      title: 'Chậm',
      lat: 18.9,
      lng: 105.1,
      email: 'a@b.vn',
      anonymous: true,
      follow: false,
      idempotencyKey: 'key-1234-5678',
      captcha: { token: 'tok', nonce: '42' },
    });
    expect(Object.keys(payload).sort()).toEqual(
      [
        'categoryId',
        'subjectUnitId',
        'place',
        'lat',
        'lng',
        'title',
        'description',
        'name',
        'phone',
        'email',
        'address',
        'anonymous',
        'follow',
        'idempotencyKey',
        'captcha',
      ].sort(),
    );
    expect(feedbackPayload(filled(), 'k'.repeat(10), captcha).subjectUnitId).toBeNull();
  });

  it('puts `data` first, then each file as `files`', () => {
    const a = new File(['a'], 'a.jpg', { type: 'image/jpeg' });
    const b = new File(['b'], 'b.pdf', { type: 'application/pdf' });
    const form = feedbackFormData(feedbackPayload(filled(), 'k'.repeat(10), captcha), [a, b]);
    const entries = [...form.entries()];
    expect(entries.map(([k]) => k)).toEqual(['data', 'files', 'files']);
    expect(JSON.parse(entries[0]![1] as string).title).toBe('Chậm trả kết quả');
    expect((entries[2]![1] as File).name).toBe('b.pdf');
  });
});

describe('attachments', () => {
  const limits = { files: 3, fileMegabytes: 5, types: ['image/jpeg', 'image/png', 'application/pdf'] };
  const f = (name: string, type: string, size = 1000) => ({ name, type, size });

  it('knows the type from the extension when the browser gives none', () => {
    expect(fileType(f('ANH.JPG', ''))).toBe('image/jpeg');
    expect(fileType(f('x.pdf', ''))).toBe('application/pdf');
    expect(fileType(f('x.docx', ''))).toBe('');
    expect(fileType(f('x.bin', 'IMAGE/PNG'))).toBe('image/png');
  });

  it('matches exact types and families', () => {
    expect(typeAccepted('image/png', ['image/*'])).toBe(true);
    expect(typeAccepted('application/pdf', ['image/*'])).toBe(false);
    expect(typeAccepted('', ['image/*'])).toBe(false);
    expect(acceptAttribute(['image/png', 'application/pdf'])).toBe('image/png,application/pdf,.png,.pdf');
  });

  it('takes good files up to the limit and says why the others are refused', () => {
    const chosen = [f('1.jpg', 'image/jpeg')];
    const { accepted, rejected } = checkFiles(
      chosen,
      [
        f('ok.png', 'image/png'),
        f('doc.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        f('big.pdf', 'application/pdf', 5 * 1024 * 1024 + 1),
        f('empty.jpg', 'image/jpeg', 0),
        f('ok2.pdf', 'application/pdf'),
        f('one-too-many.jpg', 'image/jpeg'),
      ],
      limits,
    );
    expect(accepted.map((x) => x.name)).toEqual(['ok.png', 'ok2.pdf']);
    expect(rejected.map((r) => [r.name, r.problem.key])).toEqual([
      ['doc.docx', 'files.badType'],
      ['big.pdf', 'files.tooLarge'],
      ['empty.jpg', 'files.empty'],
      ['one-too-many.jpg', 'files.tooMany'],
    ]);
    expect(rejected[1]!.problem.params).toEqual({ name: 'big.pdf', size: '5 MB', mb: '5' });
  });

  it('accepts exactly the size limit', () => {
    expect(checkFiles([], [f('x.pdf', 'application/pdf', 5 * 1024 * 1024)], limits).accepted).toHaveLength(1);
    expect(
      checkFiles([], [f('x.pdf', 'application/pdf', 2.5 * 1024 * 1024 + 1)], {
        ...limits,
        fileMegabytes: 2.5,
      }).rejected[0]!.problem.params?.mb,
    ).toBe('2,5');
  });
});

describe('newIdempotencyKey', () => {
  it('uses randomUUID, or makes a version-4 UUID from random bytes where it is missing', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'from-random-uuid', getRandomValues: (a) => a })).toBe(
      'from-random-uuid',
    );
    const key = newIdempotencyKey({ getRandomValues: <T extends ArrayBufferView | null>(a: T) => a });
    expect(key).toBe('00000000-0000-4000-8000-000000000000');
    expect(newIdempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
