import { describe, expect, it } from 'vitest';
import { OPEN311_MESSAGES, open311Text } from './open311.messages.js';
import { formFields } from './open311.routes.js';
import {
  caseTitle,
  configuredApiKeys,
  loadOpen311ApiKeys,
  matchApiKey,
  open311Status,
  parseOpen311ApiKeys,
  parseWhen,
  scopedIdempotencyKey,
  vnDateTime,
} from './open311.service.js';
import { escapeXml, toXml } from './open311.xml.js';

/** The pure parts of the Open311 endpoints: keys, statuses, dates, titles, form bodies and XML. */

describe('API keys (CHIDAO_OPEN311_API_KEYS)', () => {
  it('reads name:secret pairs; unset or empty is no key', () => {
    expect(parseOpen311ApiKeys(undefined)).toEqual({ ok: true, keys: [] });
    expect(parseOpen311ApiKeys(' , ')).toEqual({ ok: true, keys: [] });
    expect(parseOpen311ApiKeys(' app-1:0123456789abcdef , fms.vn:s3cr3t:with:colons-xyz ')).toEqual({
      ok: true,
      keys: [
        { name: 'app-1', secret: '0123456789abcdef' },
        { name: 'fms.vn', secret: 's3cr3t:with:colons-xyz' },
      ],
    });
  });

  it('names every problem, never the secret', () => {
    const result = parseOpen311ApiKeys(
      'nocolon,bad name:0123456789abcdef,short:tooshort-secret,a:0123456789abcdef,a:fedcba9876543210,b:0123456789abcdef',
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(5);
    expect(errors.join('\n')).not.toMatch(/tooshort-secret|0123456789abcdef|fedcba9876543210/);
    expect(errors[0]).toMatch(/entry 1: write it as name:secret/);
    expect(errors[2]).toMatch(/entry 3 \(short\): the secret must be 16–200 characters/);
    expect(errors[3]).toMatch(/entry 5: the name a is given twice/);
    expect(errors[4]).toMatch(/entry 6 \(b\): the secret is the same as another key's/);
    expect(() => loadOpen311ApiKeys({ CHIDAO_OPEN311_API_KEYS: 'x' })).toThrow(/Invalid Open311 settings/);
    expect(loadOpen311ApiKeys({})).toEqual([]);
  });

  it('matches a secret against every key, or none', () => {
    const keys = [
      { name: 'a', secret: '0123456789abcdef' },
      { name: 'b', secret: 'fedcba9876543210' },
    ];
    expect(matchApiKey(keys, 'fedcba9876543210')?.name).toBe('b');
    expect(matchApiKey(keys, '0123456789abcdef')?.name).toBe('a');
    for (const wrong of ['', 'fedcba987654321', 'fedcba98765432100', undefined, null, 42, ['x']])
      expect(matchApiKey(keys, wrong)).toBeNull();
    expect(matchApiKey([], '0123456789abcdef')).toBeNull();
  });

  it('reads the environment again when it changes', () => {
    const env: Record<string, string | undefined> = { CHIDAO_OPEN311_API_KEYS: 'a:0123456789abcdef' };
    expect(configuredApiKeys(env)).toEqual({ ok: true, keys: [{ name: 'a', secret: '0123456789abcdef' }] });
    env.CHIDAO_OPEN311_API_KEYS = undefined;
    expect(configuredApiKeys(env)).toEqual({ ok: true, keys: [] });
  });

  it("keeps each client's idempotency keys apart (and unguessable without its secret)", () => {
    const a = { name: 'a', secret: '0123456789abcdef' };
    const b = { name: 'b', secret: 'fedcba9876543210' };
    expect(scopedIdempotencyKey(a, 'retry-1')).toBe(scopedIdempotencyKey(a, 'retry-1'));
    expect(scopedIdempotencyKey(a, 'retry-1')).not.toBe(scopedIdempotencyKey(b, 'retry-1'));
    expect(scopedIdempotencyKey(a, 'retry-1')).toMatch(/^open311:[0-9a-f]{64}$/);
  });
});

describe('statuses, dates and titles', () => {
  it('received and in progress are open; answered, refused, forwarded and merged are closed', () => {
    expect(open311Status('received')).toBe('open');
    expect(open311Status('assigned')).toBe('open');
    expect(open311Status('answered')).toBe('open'); // an answer under review is not public yet
    for (const s of ['published', 'not_accepted', 'forwarded', 'merged'] as const)
      expect(open311Status(s)).toBe('closed');
  });

  it('reads ISO 8601 moments: offsets as given, none as Vietnam time, a date as its first or last moment', () => {
    expect(parseWhen('2026-12-01T00:00:00Z', false).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseWhen('2026-12-01T08:00:00+07:00', false).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseWhen('2026-12-01T08:00:00', false).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseWhen('2026-12-01', false).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(parseWhen('2026-12-01', true).toISOString()).toBe('2026-12-01T16:59:59.999Z');
    expect(vnDateTime(new Date('2026-12-06T18:30:05.123Z'))).toBe('2026-12-07T01:30:05+07:00');
  });

  it("titles a case with the description's start, the submitter taken out", () => {
    const who = { names: ['Nguyễn Văn An'], phones: ['0912 345 678'], emails: ['an@example.vn'] };
    expect(
      caseTitle('Ông Nguyễn Văn An (0912345678, an@example.vn) phản ánh đèn hỏng.', who, 'Giao thông'),
    ).toBe('Ông [đã ẩn] ([đã ẩn], [đã ẩn]) phản ánh đèn hỏng.');
    const long = caseTitle('Đèn  hỏng\n'.repeat(20), who, 'Giao thông');
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/\s\s|\n/);
    expect(caseTitle('   ', who, 'Giao thông')).toBe('Giao thông');
  });
});

describe('form bodies and XML', () => {
  it('reads a form: percent-encoding and +, the first of repeated fields, brackets kept as names', () => {
    expect(
      formFields(
        'service_code=giao_thong&description=%C4%90%C3%A8n+h%E1%BB%8Fng&a=1&a=2&attribute%5Bx%5D=y&empty=',
      ),
    ).toEqual({
      service_code: 'giao_thong',
      description: 'Đèn hỏng',
      a: '1',
      'attribute[x]': 'y',
      empty: '',
    });
    const proto = formFields('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("writes the spec's documents: escaped text, empty elements, omitted fields, named items", () => {
    expect(escapeXml(`a<b>&"c'\u0001\uD800`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(toXml('errors', [{ code: 404, description: 'Không có <x>' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>404</code><description>Không có &lt;x&gt;</description></error></errors>\n',
    );
    expect(toXml('service_definition', { service_code: 'a', attributes: [] })).toContain(
      '<service_definition><service_code>a</service_code><attributes/></service_definition>',
    );
    expect(
      toXml('service_requests', [{ id: 'x', lat: undefined, notes: '', account_id: null, ok: false }]),
    ).toContain(
      '<service_requests><request><id>x</id><notes/><account_id/><ok>false</ok></request></service_requests>',
    );
    expect(toXml('services', [])).toContain('<services/>');
  });
});

describe('messages', () => {
  it('every text in Vietnamese and English with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, { vi, en }] of Object.entries(OPEN311_MESSAGES)) {
      expect(vi, key).toBeTruthy();
      expect(placeholders(en), key).toEqual(placeholders(vi));
    }
    expect(open311Text('vi', 'open311.notice_triage', { date: '08/12/2026' })).toBe(
      'Sẽ được phân loại trước 08/12/2026',
    );
    expect(open311Text('en', 'open311.note_merged', {})).toBe('Merged into {code}');
  });
});
