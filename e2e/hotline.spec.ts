import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import nodemailer from 'nodemailer';
import { login, logout, shot } from './helpers.js';

/**
 * The public feedback hotline, done when: a citizen sends feedback from a phone (category, unit found without
 * accents, a photo, follow by e-mail, the captcha solved in the background) and keeps the code and the key;
 * the tracking page shows it received without their personal data; the hotline officer triages it from the
 * landing panel to the suggested Sở Tư pháp; the department's focal point answers (naming the citizen); the
 * officer returns it once, then approves — the published answer has the citizen's name and phone removed, and of
 * its two files the officer publishes the diagram and keeps the internal record; the citizen downloads the diagram,
 * rates the answer and then sees their rating (not the form again) and that they follow the case; they find it among
 * the published answers. A mail to the hotline address becomes a case to triage with its attachment. Then the
 * officer's list and case at phone width.
 *
 * New cases only: the demo's own cases, plan tasks and reports stay as they are for the other specs.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };
const SMTP_PORT = Number(process.env.CHIDAO_E2E_SMTP_PORT ?? 2526);
const HOTLINE_ADDRESS = 'duongdaynong@nghean.gov.vn';

const CITIZEN = {
  name: 'Lê Văn Khánh',
  phone: '0915 246 813',
  email: 'le.khanh@example.vn',
};
const TITLE = 'Chậm chứng thực hợp đồng ủy quyền tại Sở Tư pháp';
const DESCRIPTION =
  `Tôi là ${CITIZEN.name}, số điện thoại ${CITIZEN.phone}. Ngày 24/11/2026 tôi nộp hồ sơ chứng thực hợp ` +
  'đồng ủy quyền tại Sở Tư pháp, phiếu hẹn trả ngày 26/11/2026 nhưng đến nay vẫn chưa có kết quả và không ' +
  'được giải thích lý do. Đề nghị Sở kiểm tra và trả kết quả.';
const FIRST_ANSWER = `Sở Tư pháp đã nhận phản ánh của ông ${CITIZEN.name} và đang kiểm tra hồ sơ.`;
const ANSWER =
  `Sở Tư pháp trả lời ông ${CITIZEN.name}: hồ sơ chứng thực hợp đồng ủy quyền nộp ngày 24/11/2026 bị chậm ` +
  'do thiếu chữ ký của bên được ủy quyền. Ngày 05/12/2026 Sở đã liên hệ, hướng dẫn bổ sung và trả kết quả ' +
  'ngay trong ngày. Sở đã nhắc nhở công chức tiếp nhận về việc phải thông báo lý do chậm cho người dân.';
const RETURN_REASON = 'Đề nghị nêu rõ nguyên nhân chậm và kết quả đã trả cho người dân.';

const MAIL = {
  from: { name: 'Hồ Thị Mai', address: 'mai.ho@example.vn' },
  subject: 'Đề nghị hướng dẫn chứng thực bản sao giấy tờ song ngữ',
  text:
    'Kính gửi Đường dây nóng cải cách hành chính tỉnh Nghệ An,\n\n' +
    'Tôi cần chứng thực bản sao giấy tờ có cả tiếng Việt và tiếng Anh nhưng Bộ phận một cửa xã trả lời ' +
    'không thực hiện được. Đề nghị hướng dẫn nơi nộp và thủ tục. Ảnh giấy tờ gửi kèm.\n\nTrân trọng.',
  attachment: 'anh-giay-to-song-ngu.png',
};

/** A small real PNG (16×16, one colour): the server sniffs the type from the content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mO4aaVNEmIY1TCqYfhqAAC9mT4QbmhlrgAAAABJRU5ErkJggg==',
  'base64',
);
/** A minimal PDF (the server reads "%PDF" at its start). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** The answer's files: the diagram is published, the internal record is not. */
const DIAGRAM = 'so-do-quy-trinh-chung-thuc.png';
const RECORD = 'bien-ban-kiem-tra-noi-bo.pdf';

/** What a person reads on the page (the whole document, header and footer included). */
const pageText = (page: Page) => page.locator('body').innerText();

function expectNoPersonalData(text: string) {
  expect(text).not.toContain(CITIZEN.name);
  expect(text).not.toContain(CITIZEN.phone);
  expect(text).not.toContain(CITIZEN.phone.replace(/\s+/g, ''));
  expect(text).not.toContain(CITIZEN.email);
}

/**
 * A screenshot of a case page holding what is typed but not sent: the viewport only, the card in view. A full-page
 * screenshot may flip the page's phone/desktop layout (its `(max-width: 62em)` query) for a moment, which remounts
 * the cards and drops what was typed (seen with the answer form).
 */
async function shotUnsaved(page: Page, card: string, name: string) {
  await page.getByTestId(card).scrollIntoViewIfNeeded();
  await shot(page, name, { fullPage: false });
}

/** Opens a case from the officer's list: its tab, then its title. */
async function openFromList(page: Page, view: 'triage' | 'review' | 'open', title: string) {
  await page.goto(`/hotline?view=${view}`);
  await expect(page.getByTestId('hotline-page')).toBeVisible();
  await page.getByTestId('case-link').filter({ hasText: title }).click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('the hotline: a citizen writes from a phone, the office triages, Sở Tư pháp answers, the office returns then approves, the citizen rates; a mail becomes a case', async ({
  browser,
}) => {
  test.setTimeout(420_000);

  // 1. A citizen on a phone sends feedback from /phan-anh.
  const citizen = await browser.newPage({ viewport: PHONE });
  await citizen.goto('/phan-anh');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' })).toBeVisible();
  await citizen.getByRole('combobox', { name: /^Lĩnh vực/ }).selectOption({ label: 'Hộ tịch, chứng thực' });
  await citizen.getByRole('textbox', { name: /^Tiêu đề/ }).fill(TITLE);
  await citizen.getByRole('textbox', { name: /^Nội dung/ }).fill(DESCRIPTION);
  const unit = citizen.getByRole('combobox', { name: /^Cơ quan, đơn vị hoặc địa phương/ });
  await unit.fill('so tu phap');
  await citizen.getByRole('option', { name: 'Sở Tư pháp', exact: true }).click();
  await expect(unit).toHaveValue('Sở Tư pháp');
  await expect(citizen.getByText('Đã chọn: Sở Tư pháp')).toBeVisible();

  const png = test.info().outputPath('anh-phieu-hen.png');
  fs.writeFileSync(png, PNG);
  await citizen.getByLabel(/^Ảnh hoặc tệp PDF/).setInputFiles(png);
  await expect(citizen.getByText('Tệp đã chọn (1)')).toBeVisible();
  await expect(citizen.getByText('anh-phieu-hen.png')).toBeVisible();

  await citizen.getByRole('textbox', { name: /^Họ và tên/ }).fill(CITIZEN.name);
  await citizen.getByRole('textbox', { name: /^Số điện thoại/ }).fill(CITIZEN.phone);
  await citizen.getByRole('textbox', { name: /^Thư điện tử/ }).fill(CITIZEN.email);
  await citizen.getByRole('checkbox', { name: 'Theo dõi qua e-mail' }).check();

  // The captcha is solved in a Web Worker: the button says so until it is ready.
  const send = citizen.getByRole('button', { name: 'Gửi phản ánh' });
  await expect(send).toBeEnabled({ timeout: 60_000 });
  await shot(citizen, '400-hotline-public-form');
  // Too short a description is stopped in the page, in the words the server would use too.
  const description = citizen.getByRole('textbox', { name: /^Nội dung/ });
  await description.fill('Chậm trả kết quả.');
  await send.click();
  const tooShort = 'Vui lòng nhập nội dung phản ánh (ít nhất 20 ký tự).';
  await expect(citizen.getByRole('alert').filter({ hasText: 'Vui lòng sửa các mục sau:' })).toContainText(
    tooShort,
  );
  await expect(description).toBeFocused();
  await shot(citizen, '400b-hotline-public-form-too-short', { fullPage: false });
  await description.fill(DESCRIPTION);
  await expect(send).toBeEnabled();
  await send.click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Đã nhận phản ánh của bạn' })).toBeVisible({
    timeout: 30_000,
  });
  const link = new URL(await citizen.getByRole('textbox', { name: 'Đường dẫn theo dõi' }).inputValue());
  const code = decodeURIComponent(link.pathname.split('/').pop()!);
  const key = link.searchParams.get('key')!;
  expect(code).toMatch(/^PA-/);
  expect(key).toBeTruthy();
  await expect(citizen.getByText(code, { exact: true })).toBeVisible();
  await expect(citizen.getByText(key, { exact: true })).toBeVisible();
  await shot(citizen, '401-hotline-public-receipt');

  // 2. The tracking page: received, and no personal data anywhere.
  await citizen.goto(`/phan-anh/tra-cuu/${code}`);
  await expect(citizen.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(citizen.locator('.stage-badge')).toHaveText(/Đã tiếp nhận/);
  expectNoPersonalData(await pageText(citizen));
  await shot(citizen, '402-hotline-public-track-received');

  // 3. The hotline officer: the case is among those to triage; the suggestion (Sở Tư pháp) is prefilled.
  const page = await browser.newPage({ viewport: DESKTOP });
  await login(page, 'duongdaynong@chidao.demo');
  const panel = page.getByTestId('panel-hotline');
  await expect(panel).toBeVisible();
  const toTriage = panel.getByTestId('hotline-to-triage').filter({ hasText: code });
  await expect(toTriage).toContainText(TITLE);
  await expect(toTriage).toContainText('Cổng phản ánh · tiếp nhận');
  await shot(page, '403-hotline-officer-landing');
  await toTriage.getByRole('link', { name: TITLE }).click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'received');
  await expect(page.getByTestId('case-code')).toHaveText(code);
  await expect(page.getByTestId('case-submitter')).toContainText(CITIZEN.name);
  await expect(page.getByTestId('case-files')).toContainText('anh-phieu-hen.png');
  await page.getByRole('radio', { name: /^Thuộc thẩm quyền/ }).click();
  await expect(page.getByTestId('triage-unit')).toHaveValue(/Sở Tư pháp/);
  await expect(page.getByTestId('triage-suggestion')).toContainText('Gợi ý theo bảng phân công: Sở Tư pháp');
  await expect(page.getByTestId('triage-category')).toHaveValue('Hộ tịch, chứng thực');
  await shotUnsaved(page, 'case-triage', '404-hotline-officer-triage');
  await expect(page.getByRole('radio', { name: /^Thuộc thẩm quyền/ })).toBeChecked();
  await expect(page.getByTestId('triage-unit')).toHaveValue(/Sở Tư pháp/);
  await page.getByTestId('triage-submit').click();
  await expect(page.getByTestId('case-step-done')).toContainText('Đã giao Sở Tư pháp xử lý');
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'assigned');
  await expect(page.getByTestId('case-facts')).toContainText('Sở Tư pháp');
  await logout(page);

  // 4. Sở Tư pháp's focal point finds it on the landing page and answers, naming the citizen.
  await login(page, 'daumoi.tuphap@chidao.demo');
  const owed = page.getByTestId('panel-owed');
  await expect(owed.getByTestId('panel-owed-total')).toBeVisible();
  // Overdue work first: the case, due in 10 working days, may be below the first five.
  const more = owed.getByTestId('panel-owed-more');
  if (await more.isVisible()) await more.click();
  const item = owed.getByTestId('work-item').filter({ hasText: TITLE });
  await expect(item.getByTestId('work-item-kind')).toHaveText('Phản ánh, kiến nghị');
  await item.getByTestId('work-item-title').click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'assigned');
  await page.getByTestId('answer-text').fill(FIRST_ANSWER);
  await shotUnsaved(page, 'case-answer', '405-hotline-unit-answer');
  await expect(page.getByTestId('answer-text')).toHaveValue(FIRST_ANSWER);
  await page.getByTestId('answer-submit').click();
  await expect(page.getByTestId('case-step-done')).toBeVisible();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'answered');
  await expect(page.getByTestId('case-waiting-review')).toBeVisible();
  await logout(page);

  // 5. The officer finds the draft to review on the landing page and returns it once with a reason…
  await login(page, 'duongdaynong@chidao.demo');
  const toReview = page.getByTestId('panel-review').getByTestId('work-item').filter({ hasText: TITLE });
  await expect(toReview).toContainText(FIRST_ANSWER);
  await toReview.getByTestId('work-item-title').click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'answered');
  await expect(page.getByTestId('case-draft-text')).toHaveText(FIRST_ANSWER);
  await page.getByTestId('review-return').click();
  await page.getByTestId('return-reason').fill(RETURN_REASON);
  await shot(page, '406-hotline-officer-return', { fullPage: false });
  await page.getByTestId('return-submit').click();
  await expect(page.getByTestId('case-step-done')).toContainText('Đã trả lại dự thảo cho Sở Tư pháp');
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'assigned');
  await logout(page);

  // … the focal point reads why and answers again …
  await login(page, 'daumoi.tuphap@chidao.demo');
  await openFromList(page, 'open', TITLE);
  await expect(page.getByTestId('case-note')).toContainText(RETURN_REASON);
  await expect(page.getByTestId('answer-text')).toHaveValue(FIRST_ANSWER);
  await shot(page, '407-hotline-unit-returned');
  await page.getByTestId('answer-text').fill(ANSWER);
  const diagram = test.info().outputPath(DIAGRAM);
  fs.writeFileSync(diagram, PNG);
  const record = test.info().outputPath(RECORD);
  fs.writeFileSync(record, PDF);
  await page.getByTestId('answer-files-input').setInputFiles([diagram, record]);
  await expect(page.getByTestId('answer-files-chosen')).toContainText(DIAGRAM);
  await expect(page.getByTestId('answer-files-chosen')).toContainText(RECORD);
  await shotUnsaved(page, 'case-answer', '408-hotline-unit-answer-again');
  await expect(page.getByTestId('answer-text')).toHaveValue(ANSWER);
  await page.getByTestId('answer-submit').click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'answered');
  await logout(page);

  // … and the officer approves: the dialog says personal data is removed.
  await login(page, 'duongdaynong@chidao.demo');
  await openFromList(page, 'review', TITLE);
  await expect(page.getByTestId('case-draft-text')).toHaveText(ANSWER);
  await page.getByTestId('review-approve').click();
  const approve = page.getByTestId('approve-dialog');
  await expect(approve).toContainText(
    'hệ thống tự động xóa họ tên, số điện thoại, e-mail của người phản ánh',
  );
  await expect(page.getByTestId('approve-text')).toHaveValue(ANSWER);
  // Both files are images or PDFs, so both are ticked at first; the officer keeps the internal record internal.
  const publicFiles = page.getByTestId('approve-files');
  await expect(publicFiles).toContainText('hệ thống không xóa được thông tin cá nhân bên trong');
  const diagramBox = publicFiles.getByRole('checkbox', { name: new RegExp(DIAGRAM) });
  const recordBox = publicFiles.getByRole('checkbox', { name: new RegExp(RECORD) });
  await expect(diagramBox).toBeChecked();
  await expect(recordBox).toBeChecked();
  await recordBox.uncheck();
  await expect(recordBox).not.toBeChecked();
  await publicFiles.scrollIntoViewIfNeeded();
  await shot(page, '409-hotline-officer-approve', { fullPage: false });
  await page.getByTestId('approve-confirm').click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'published');
  const published = page.getByTestId('case-published-answer');
  await expect(published).toContainText('[đã ẩn]');
  await expect(published).not.toContainText(CITIZEN.name);
  await shot(page, '410-hotline-officer-published');

  // 6. The citizen reads the answer without their name or phone, rates it, finds it among the answers.
  await citizen.goto(`/phan-anh/tra-cuu/${code}?key=${encodeURIComponent(key)}`);
  await expect(citizen.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(citizen.locator('.stage-badge')).toHaveText(/Đã trả lời/);
  const answer = citizen.getByRole('region', { name: 'Câu trả lời', exact: true });
  await expect(answer).toContainText('hồ sơ chứng thực hợp đồng ủy quyền nộp ngày 24/11/2026');
  await expect(answer).toContainText('[đã ẩn]');
  // The diagram the officer published, downloadable by anyone; the internal record is not there.
  const files = answer.getByTestId('answer-files');
  await expect(files).toContainText(DIAGRAM);
  await expect(files).toContainText('PNG');
  await expect(answer).not.toContainText(RECORD);
  const href = await files.getByRole('link', { name: DIAGRAM }).getAttribute('href');
  const download = await citizen.request.get(href!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
  // The submitter asked to follow by e-mail when sending: the page says so instead of offering it again.
  await expect(citizen.getByTestId('following')).toContainText('Bạn đang theo dõi phản ánh này');
  await expect(citizen.getByRole('heading', { name: 'Nhận thông báo qua e-mail' })).toHaveCount(0);
  expectNoPersonalData(await pageText(citizen));
  await files.scrollIntoViewIfNeeded();
  await shot(citizen, '411-hotline-public-answer-files', { fullPage: false });
  await citizen.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(citizen.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá.' })).toBeVisible();
  await expect(answer).toContainText('Người phản ánh hài lòng với câu trả lời.');
  // The rating given, not an empty form again: still so when the page is opened again; it may be changed.
  const yours = citizen.getByTestId('your-rating');
  await expect(yours).toContainText('Bạn đã đánh giá: hài lòng với câu trả lời');
  await expect(citizen.getByRole('button', { name: 'Gửi đánh giá' })).toHaveCount(0);
  await citizen.reload();
  await expect(answer).toContainText('Người phản ánh hài lòng với câu trả lời.');
  await expect(yours).toContainText('Bạn đã đánh giá: hài lòng với câu trả lời');
  await expect(citizen.getByRole('button', { name: 'Gửi đánh giá' })).toHaveCount(0);
  // Changing it opens the form with the rating given; keeping it closes the form again.
  await yours.getByRole('button', { name: 'Thay đổi đánh giá' }).click();
  await expect(citizen.getByRole('radio', { name: 'Hài lòng', exact: true })).toBeChecked();
  await citizen.getByRole('button', { name: 'Giữ đánh giá cũ' }).click();
  await expect(yours.getByRole('button', { name: 'Thay đổi đánh giá' })).toBeFocused();
  // The review may still be asked for (once, with a reason).
  await expect(citizen.getByRole('heading', { name: 'Đề nghị xem xét lại' })).toBeVisible();
  await expect(citizen.getByTestId('following')).toBeVisible();
  await yours.scrollIntoViewIfNeeded();
  expectNoPersonalData(await pageText(citizen));
  await shot(citizen, '411-hotline-public-answer-rated');
  await shot(citizen, '411b-hotline-public-answer-rated-view', { fullPage: false });

  await citizen.goto('/phan-anh/da-tra-loi');
  await citizen.getByRole('searchbox', { name: /^Tìm theo nội dung/ }).fill('chung thuc hop dong uy quyen');
  await citizen.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(citizen).toHaveURL(/q=chung/);
  const listed = citizen.getByRole('listitem').filter({ has: citizen.getByRole('link', { name: TITLE }) });
  await expect(listed).toContainText(code);
  await expect(listed).toContainText('Đơn vị xử lý: Sở Tư pháp');
  await expect(listed).toContainText('Hài lòng');
  await expect(listed).toContainText('Có 1 tệp kèm câu trả lời');
  expectNoPersonalData(await pageText(citizen));
  await shot(citizen, '412-hotline-public-answers');
  await citizen.close();

  // 7. A mail to the hotline address becomes a case to triage, with its attachment.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: SMTP_PORT,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from: MAIL.from,
    to: HOTLINE_ADDRESS,
    subject: MAIL.subject,
    text: MAIL.text,
    attachments: [{ filename: MAIL.attachment, content: PNG, contentType: 'image/png' }],
  });
  transport.close();
  await page.goto('/hotline?view=triage');
  await expect(page.getByTestId('hotline-tab-triage')).toHaveAttribute('aria-selected', 'true');
  const row = page.getByTestId('cases').getByRole('row').filter({ hasText: MAIL.subject });
  await expect(row).toContainText('Thư điện tử');
  await expect(row).toHaveAttribute('data-status', 'received');
  await shot(page, '413-hotline-officer-mail-in-list');
  await row.getByTestId('case-link').click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-status', 'received');
  await expect(page.getByTestId('case-description')).toContainText('chứng thực bản sao giấy tờ');
  await expect(page.getByTestId('case-files')).toContainText(MAIL.attachment);
  await expect(page.getByTestId('case-submitter')).toContainText(MAIL.from.name);
  await expect(page.getByTestId('case-submitter')).toContainText(MAIL.from.address);
  await expect(page.getByTestId('case-facts')).toContainText('Thư điện tử');
  await shot(page, '414-hotline-officer-mail-case');

  // At phone width: the list as cards, and a case with its steps first.
  await page.setViewportSize(PHONE);
  await page.goto('/hotline?view=triage');
  const card = page.getByTestId('case-card').filter({ hasText: MAIL.subject });
  await expect(card).toContainText('Thư điện tử');
  await shot(page, '415-hotline-officer-list-phone');
  await card.getByTestId('case-link').click();
  await expect(page.getByTestId('case-triage')).toBeVisible();
  await expect(page.getByTestId('case-files')).toContainText(MAIL.attachment);
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, '416-hotline-officer-case-phone');
  await page.close();
});
