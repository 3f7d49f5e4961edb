import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PublicFormOut } from '../../../../server/modules/surveys/surveys.schemas';
import type { SurveyItem } from '../../../../server/modules/surveys/rules/definition';
import { toyDefinition } from '../../../../server/modules/surveys/rules/test-fixtures';
import type { DraftValue, ItemProblem } from '../lib/form';
import type { Lang } from '../lib/i18n';
import { FixedLanguage } from '../lib/i18n-react';
import { newDraft } from '../lib/storage';
import { SurveyForm } from '../pages/SurveyForm';
import { Question } from './Question';

const def = toyDefinition();
const item = (code: string): SurveyItem => def.sections.flatMap((s) => s.items).find((i) => i.code === code)!;

function render(code: string, value?: DraftValue, problems: ItemProblem[] = [], lang: Lang = 'vi') {
  const html = renderToStaticMarkup(
    <FixedLanguage lang={lang}>
      <Question def={def} item={item(code)} value={value} onChange={() => {}} problems={problems} />
    </FixedLanguage>,
  );
  const doc = new DOMParserLite(html);
  return { html, doc };
}

/** Enough of a DOM query for static markup: attributes of the elements matching a tag and attribute filter. */
class DOMParserLite {
  constructor(readonly html: string) {}
  all(tag: string): Record<string, string>[] {
    return [...this.html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'g'))].map((m) =>
      Object.fromEntries(
        [...(m[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? '']),
      ),
    );
  }
  count(text: string): number {
    return this.html.split(text).length - 1;
  }
}

describe('Question: every control labelled, groups as fieldsets', () => {
  it('a single choice: a radio group with its legend, each radio inside its label', () => {
    const { html, doc } = render('gioi_tinh', 'nu');
    const [fieldset] = doc.all('fieldset');
    expect(fieldset).toMatchObject({
      id: 'q-gioi_tinh',
      'data-testid': 'item-gioi_tinh',
      role: 'radiogroup',
      'aria-required': 'true',
    });
    expect(html).toMatch(/<legend[^>]*>.*Giới tính.*\(bắt buộc\).*<\/legend>/);
    const radios = doc.all('input');
    expect(radios.map((r) => r.value)).toEqual(['nam', 'nu']);
    expect(radios.every((r) => r.type === 'radio' && r.name === 'q-gioi_tinh')).toBe(true);
    expect(radios[1]).toHaveProperty('checked');
    expect(html).toMatch(/<label class="choice"><input[^>]*value="nam"[^>]*\/><span>Nam<\/span><\/label>/);
    // Required: no "clear" button (a required answer is changed, not removed).
    expect(html).not.toContain('data-testid="clear-gioi_tinh"');
  });

  it('an optional single answered can be cleared', () => {
    const optional = { ...item('kenh'), required: false } as SurveyItem;
    const html = renderToStaticMarkup(
      <FixedLanguage lang="vi">
        <Question def={def} item={optional} value="truc_tiep" onChange={() => {}} problems={[]} />
      </FixedLanguage>,
    );
    expect(html).toContain('data-testid="clear-kenh"');
    expect(html).toContain('Bỏ chọn');
  });

  it('a likert item: five labelled points and "không ý kiến" where allowed', () => {
    const { html, doc } = render('chung');
    const radios = doc.all('input');
    expect(radios.map((r) => r.value)).toEqual(['1', '2', '3', '4', '5', 'na']);
    expect(html).toContain('Rất không hài lòng');
    expect(html).toContain('Không ý kiến');
    expect(html).toContain('Chọn một mức từ 1 (Rất không hài lòng) đến 5 (Rất hài lòng).');
    expect(doc.all('fieldset')[0]).toMatchObject({ 'aria-describedby': 'q-chung-help' });
  });

  it('a matrix: each criterion its own radio group, the scale header hidden from screen readers', () => {
    const { html, doc } = render('bang', { r1: 4 }, [
      { item: 'bang', row: 'r2', problem: 'row_missing', message: null },
      { item: 'bang', row: 'r3', problem: 'row_missing', message: null },
    ]);
    const sets = doc.all('fieldset');
    expect(sets.map((s) => s['data-testid'])).toEqual([
      'item-bang',
      'row-bang-r1',
      'row-bang-r2',
      'row-bang-r3',
    ]);
    expect(sets.slice(1).every((s) => s.role === 'radiogroup')).toBe(true);
    expect(sets[2]).toMatchObject({ id: 'q-bang--r2', 'aria-describedby': 'q-bang--r2-error' });
    expect(sets[1]!['aria-describedby']).toBeUndefined();
    const names = new Set(doc.all('input').map((r) => r.name));
    expect([...names]).toEqual(['q-bang--r1', 'q-bang--r2', 'q-bang--r3']);
    expect(
      doc
        .all('input')
        .filter((r) => 'checked' in r)
        .map((r) => [r.name, r.value]),
    ).toEqual([['q-bang--r1', '4']]);
    expect(html).toContain('class="matrix__head" aria-hidden="true"');
    expect(html).toContain('Xin đánh giá tất cả các tiêu chí (còn 2 tiêu chí chưa chọn).');
    expect(doc.count('Xin chọn một mức cho tiêu chí này.')).toBe(2);
    expect(sets[0]).toMatchObject({ 'aria-describedby': 'q-bang-error' });
    // Every radio is inside a label that names its point.
    expect(doc.count('<label class="scale__opt">')).toBe(15);
  });

  it('a number: a labelled text box with a numeric keyboard and its limits as help', () => {
    const { html, doc } = render('tuoi', '34', [
      { item: 'tuoi', row: null, problem: 'number_format', message: null },
    ]);
    expect(html).toContain('<label for="q-tuoi-input" class="question__label">');
    expect(doc.all('input')[0]).toMatchObject({
      id: 'q-tuoi-input',
      type: 'text',
      inputMode: 'numeric',
      value: '34',
      'aria-invalid': 'true',
      'aria-describedby': 'q-tuoi-help q-tuoi-error',
    });
    expect(html).toContain('Nhập một số từ 15 đến 100. Số nguyên.');
    expect(html).toContain('Xin nhập một con số (ví dụ: 12 hoặc 2,5).');
  });

  it('a multiple choice: checkboxes, the limits and the exclusive choice said', () => {
    const { html, doc } = render('mong_muon', ['a']);
    expect(doc.all('input').map((i) => i.type)).toEqual(['checkbox', 'checkbox', 'checkbox', 'checkbox']);
    expect(html).toContain('Chọn từ 1 đến 2 phương án.');
    expect(html).toContain('“Không có” không chọn cùng các phương án khác.');
  });

  it('a text: a textarea with a counter it is described by', () => {
    const textItem = { ...item('ly_do'), showIf: undefined } as SurveyItem;
    const html = renderToStaticMarkup(
      <FixedLanguage lang="en">
        <Question def={def} item={textItem} value="Chậm" onChange={() => {}} problems={[]} />
      </FixedLanguage>,
    );
    expect(html).toMatch(/<textarea[^>]*aria-describedby="q-ly_do-count"/);
    expect(html).toContain('4/200 characters');
    expect(html).toContain('Why not satisfied');
  });

  it('marks Vietnamese shown in an English page (no English wording) with its language', () => {
    const { html } = render('mong_muon', undefined, [], 'en');
    expect(html).toContain('<span lang="vi">A</span>'); // the toy's choices have no English
    expect(html).toContain('<span>None</span>');
  });

  it("shows the rules' own sentence for other problems", () => {
    const { html } = render(
      'mong_muon',
      ['a', 'b', 'c'],
      [
        {
          item: 'mong_muon',
          row: null,
          problem: 'too_many',
          message: { vi: 'Chọn tối đa 2', en: 'At most 2' },
        },
      ],
      'en',
    );
    expect(html).toContain('At most 2');
    expect(html).toContain('question--invalid');
  });
});

describe('SurveyForm (static render)', () => {
  const form: PublicFormOut = {
    survey: {
      title: 'Khảo sát SIPAS 2026',
      intro: 'Xin cảm ơn.',
      anonymous: true,
      closesOn: '2026-12-31',
      province: 'Tỉnh Nghệ An',
    },
    unit: { name: 'Sở Tư pháp' },
    targetGroup: 'citizen',
    channel: 'qr',
    version: { id: '11111111-1111-4111-8111-111111111111', hash: 'h'.repeat(64), definition: def },
    recorded: {
      vi: 'Chỉ ghi câu trả lời và ngày gửi; không ghi tên, địa chỉ IP.',
      en: 'Only the answers and the day.',
    },
    captchaRequired: true,
  };
  const draft = newDraft('h'.repeat(64), 0);
  const html = (section: string | null, notice: 'resumed' | 'changed' | null = null) =>
    renderToStaticMarkup(
      <FixedLanguage lang="vi">
        <SurveyForm
          form={form}
          formRef={{ kind: 'code', code: 'NA-7K3M' }}
          draft={{ ...draft, section }}
          notice={notice}
          captcha={null}
          onReload={() => {}}
        />
      </FixedLanguage>,
    );

  it('introduces the survey and says what is recorded before any question', () => {
    const intro = html(null);
    expect(intro).toContain('Khảo sát SIPAS 2026');
    expect(intro).toContain('Sở Tư pháp');
    expect(intro).toContain('Người dân');
    expect(intro).toContain('31/12/2026');
    expect(intro).toContain('Điều gì được ghi lại');
    expect(intro).toContain('Chỉ ghi câu trả lời và ngày gửi; không ghi tên, địa chỉ IP.');
    expect(intro).toContain('data-testid="start"');
    expect(intro).not.toContain('item-gioi_tinh');
    expect(intro.indexOf('data-testid="recorded"')).toBeLessThan(intro.indexOf('data-testid="start"'));
  });

  it('shows a part with its progress, its questions and Back / Next', () => {
    const part = html('info', 'resumed');
    expect(part).toMatch(/aria-live="polite" data-testid="progress">Phần 1\/2</);
    expect(part).toContain('data-testid="notice-resumed"');
    expect(part).toContain('data-testid="item-gioi_tinh"');
    expect(part).not.toContain('data-testid="item-chung"');
    expect(part).toContain('data-testid="next"');
    expect(part).toContain('data-testid="back"');
    expect(part).not.toContain('data-testid="submit"');
    const last = html('rate');
    expect(last).toContain('Phần 2/2');
    expect(last).toContain('data-testid="submit"');
    expect(last).not.toContain('item-gop_y_hl'); // hidden until "gop_y" is "co"
  });
});
