import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { distinctAddresses, htmlToPlainText, parseMail } from './inbound-mail.js';

/** A raw message from lines (CRLF, as on the wire). */
const raw = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parseMail', () => {
  it('decodes a quoted-printable Vietnamese body, a Q-encoded subject and sender name', async () => {
    const mail = await parseMail(
      raw(
        'Message-ID: <20260312.1234@mail.example.vn>',
        'From: =?UTF-8?Q?Nguy=E1=BB=85n_Th=E1=BB=8B_Hoa?= <hoa.nt@example.vn>',
        'To: duongdaynong@nghean.gov.vn',
        'Subject: =?UTF-8?Q?Ph=E1=BA=A3n_=C3=A1nh=3A_=C4=91=C6=B0=E1=BB=9Dng_li=C3=AAn_x=C3=A3_b=E1=BB=8B_s=E1=BA=A1t_l=E1=BB=9F?=',
        'Date: Thu, 12 Mar 2026 08:15:00 +0700',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'K=C3=ADnh g=E1=BB=ADi =C4=90=C6=B0=E1=BB=9Dng d=C3=A2y n=C3=B3ng,',
        '=C4=90=C6=B0=E1=BB=9Dng li=C3=AAn x=C3=A3 qua th=C3=B4n Y=C3=AAn H=E1=BB=93=',
        ' b=E1=BB=8B s=E1=BA=A1t l=E1=BB=9F, =C4=91=E1=BB=81 ngh=E1=BB=8B =',
        'ki=E1=BB=83m tra.',
        'Tr=C3=A2n tr=E1=BB=8Dng.',
        '',
      ),
    );
    expect(mail).toMatchObject({
      messageId: '20260312.1234@mail.example.vn',
      from: { name: 'Nguyễn Thị Hoa', address: 'hoa.nt@example.vn' },
      to: ['duongdaynong@nghean.gov.vn'],
      subject: 'Phản ánh: đường liên xã bị sạt lở',
      text:
        'Kính gửi Đường dây nóng,\n' +
        'Đường liên xã qua thôn Yên Hồ bị sạt lở, đề nghị kiểm tra.\n' +
        'Trân trọng.',
      attachments: [],
    });
  });

  it('decodes a base64 body and a B-encoded subject', async () => {
    const mail = await parseMail(
      raw(
        'Message-ID: <b64@example.vn>',
        'From: an@example.vn',
        'To: duongdaynong@nghean.gov.vn',
        'Subject: =?UTF-8?B?S2nhur9uIG5naOG7iyB24buBIHRo4bunIHThu6VjIMSR4bqldCDEkWFp?=',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        'WGluIGNow6BvLA0KVMO0aSBtdeG7kW4gaOG7j2kgduG7gSBo4buTIHPGoSBj4bqlcCBnaeG6pXkgY2jhu6luZyBuaOG6rW4gcXV54buBbiBz4butIGThu6VuZyDEkeG6pXQuDQo=',
        '',
      ),
    );
    expect(mail.subject).toBe('Kiến nghị về thủ tục đất đai');
    expect(mail.text).toBe('Xin chào,\nTôi muốn hỏi về hồ sơ cấp giấy chứng nhận quyền sử dụng đất.');
    expect(mail.from).toEqual({ name: '', address: 'an@example.vn' });
  });

  it('decodes windows-1258 (base letters with combining tone marks) to precomposed NFC text', async () => {
    const mail = await parseMail(
      raw(
        'From: an@example.vn',
        'To: duongdaynong@nghean.gov.vn',
        // "Việt Nam" with ê + combining dot below (EA F2)
        'Subject: =?windows-1258?Q?Vi=EA=F2t_Nam?=',
        'Content-Type: text/plain; charset=windows-1258',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Vi=EA=F2t Nam, =D0=FD=F5=CCng d=E2y n=F3ng, pha=D2n =E1nh',
        '',
      ),
    );
    expect(mail.subject).toBe('Việt Nam');
    expect(mail.text).toBe('Việt Nam, Đường dây nóng, phản ánh');
    expect(mail.text).toBe(mail.text.normalize('NFC'));
  });

  it('turns decomposed UTF-8 (NFD) into NFC and drops control characters', async () => {
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD');
    const mail = await parseMail(
      raw(
        `From: ${nfd} <duc@example.vn>`,
        'To: duongdaynong@nghean.gov.vn',
        `Subject: ${nfd}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        `${nfd}\u0000\u0007 gửi`,
        '',
      ),
    );
    expect(mail.from.name).toBe('Nguyễn Văn Đức');
    expect(mail.subject).toBe('Nguyễn Văn Đức');
    expect(mail.text).toBe('Nguyễn Văn Đức gửi');
  });

  it('makes text from an HTML-only mail: tags out, entities decoded, links as "text (url)"', async () => {
    const mail = await parseMail(
      raw(
        'Message-ID: <html-only@example.vn>',
        'From: "Trần Văn Bình" <binh@example.vn>',
        'To: duongdaynong@nghean.gov.vn',
        'Subject: HTML',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        '<html><head><style>p { color: red }</style><script>alert(1)</script></head><body>',
        '<h2>Phản ánh về chợ Vinh</h2>',
        '<p>Xin ch&agrave;o, gi&aacute; v&eacute; &gt; 10.000&nbsp;đ &amp; b&#7883; thu sai.</p>',
        '<p>Xem <a href="https://baonghean.vn/cho-vinh">bài báo</a> và https://x.vn hoặc ',
        '<a href="https://x.vn">https://x.vn</a>, liên hệ <a href="mailto:binh@example.vn">binh@example.vn</a>.</p>',
        '<ul><li>Điểm 1</li><li>Điểm 2</li></ul><img src="cid:logo" alt="logo">',
        '</body></html>',
        '',
      ),
    );
    expect(mail.text).toBe(
      'Phản ánh về chợ Vinh\n\n' +
        'Xin chào, giá vé > 10.000\u00a0đ & bị thu sai.\n\n' +
        'Xem bài báo (https://baonghean.vn/cho-vinh) và https://x.vn hoặc https://x.vn, liên hệ binh@example.vn.\n\n' +
        ' * Điểm 1\n * Điểm 2',
    );
    expect(mail.text).not.toMatch(/alert|color|<|logo/);
  });

  it('prefers the text part of an alternative, and falls back to the HTML when the text part is empty', async () => {
    const alternative = (textPart: string) =>
      raw(
        'From: an@example.vn',
        'To: duongdaynong@nghean.gov.vn',
        'Subject: alt',
        'Content-Type: multipart/alternative; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        textPart,
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Bản <b>HTML</b></p>',
        '--b1--',
        '',
      );
    expect((await parseMail(alternative('Bản văn bản'))).text).toBe('Bản văn bản');
    expect((await parseMail(alternative(''))).text).toBe('Bản HTML');
  });

  it('gives null for a mail without Message-ID, the receipt time it is given, and empty parts when absent', async () => {
    const at = new Date('2026-03-12T01:15:00Z');
    const mail = await parseMail(raw('Content-Type: text/plain', '', 'x', ''), { receivedAt: at });
    expect(mail).toEqual({
      messageId: null,
      from: { name: '', address: '' },
      to: [],
      subject: '',
      text: 'x',
      receivedAt: at,
      attachments: [],
    });
    const before = Date.now();
    const now = await parseMail(raw('Subject: x', '', ''));
    expect(now.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('keeps To and Cc (groups flattened, each address once)', async () => {
    const mail = await parseMail(
      raw(
        'From: an@example.vn',
        'To: "Đường dây nóng" <DuongDayNong@nghean.gov.vn>, Ban: a@x.vn, b@x.vn;',
        'Cc: duongdaynong@nghean.gov.vn, c@x.vn',
        'Subject: x',
        '',
        'x',
        '',
      ),
    );
    expect(mail.to).toEqual(['DuongDayNong@nghean.gov.vn', 'a@x.vn', 'b@x.vn', 'c@x.vn']);
  });

  it('keeps attachments and inline images, drops the S/MIME signature, names unnamed parts', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const mail = await parseMail(
      raw(
        'Message-ID: <signed@example.vn>',
        'From: an@example.vn',
        'To: duongdaynong@nghean.gov.vn',
        'Subject: =?UTF-8?Q?H=E1=BB=93_s=C6=A1?=',
        'MIME-Version: 1.0',
        'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"',
        '',
        '--sig',
        'Content-Type: multipart/mixed; boundary="mix"',
        '',
        '--mix',
        'Content-Type: multipart/related; boundary="rel"',
        '',
        '--rel',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Ảnh hiện trường: <img src="cid:anh1@example.vn"></p>',
        '--rel',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        'Content-ID: <anh1@example.vn>',
        'Content-Disposition: inline',
        '',
        png.toString('base64'),
        '--rel--',
        '--mix',
        'Content-Type: application/pdf; name="=?UTF-8?Q?Don_ph=E1=BA=A3n_=C3=A1nh.pdf?="',
        'Content-Transfer-Encoding: base64',
        "Content-Disposition: attachment; filename*=UTF-8''..%2F..%2Fetc%2F%C4%90%C6%A1n%20ph%E1%BA%A3n%20%C3%A1nh.pdf",
        '',
        pdf.toString('base64'),
        '--mix',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment',
        '',
        pdf.toString('base64'),
        '--mix--',
        '--sig',
        'Content-Type: application/pkcs7-signature; name="smime.p7s"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="smime.p7s"',
        '',
        Buffer.from('not really a signature').toString('base64'),
        '--sig--',
        '',
      ),
    );
    expect(mail.subject).toBe('Hồ sơ');
    expect(mail.text).toBe('Ảnh hiện trường:');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['attachment-1.png', 'image/png'],
      ['Đơn phản ánh.pdf', 'application/pdf'],
      ['attachment-3.pdf', 'application/pdf'],
    ]);
    expect(mail.attachments[0]?.content.equals(png)).toBe(true);
    expect(mail.attachments[1]?.content.equals(pdf)).toBe(true);
  });

  it('reads a stream as well as a buffer', async () => {
    const mail = await parseMail(Readable.from([raw('Subject: =?UTF-8?Q?Th=C6=B0?=', '', 'Nội dung', '')]));
    expect(mail).toMatchObject({ subject: 'Thư', text: 'Nội dung' });
  });
});

describe('htmlToPlainText', () => {
  it('survives pathological nesting and very long input', () => {
    expect(htmlToPlainText('<div>'.repeat(5000) + 'sâu' + '</div>'.repeat(5000))).toContain('...');
    expect(htmlToPlainText('<p>' + 'a '.repeat(1_500_000) + '</p>').length).toBeLessThanOrEqual(2_000_000);
  });
});

describe('distinctAddresses', () => {
  it('keeps the first spelling of each address, case-insensitively, and drops blanks', () => {
    expect(distinctAddresses(['A@x.vn', ' a@X.vn ', '', 'b@x.vn'])).toEqual(['A@x.vn', 'b@x.vn']);
  });
});
