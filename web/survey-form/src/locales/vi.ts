/**
 * The public survey form's texts, Vietnamese first. `en.ts` has exactly the same keys (the type says so, and
 * `locales.test.ts` checks the placeholders). `{name}` is replaced by `t(key, { name })`. The questions
 * themselves come with the form (`{ vi, en }` in the survey's definition).
 */
export const vi = {
  'site.title': 'Khảo sát ý kiến về cải cách hành chính',
  'site.pageTitle': '{page} — Khảo sát CCHC',
  'site.skip': 'Chuyển đến nội dung chính',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',

  'common.loading': 'Đang tải phiếu khảo sát…',
  'common.retry': 'Thử lại',
  'common.required': 'bắt buộc',
  'common.offline':
    'Bạn đang ngoại tuyến. Câu trả lời vẫn được lưu trên máy này; có thể tiếp tục trả lời và gửi khi có mạng.',
  'common.networkError': 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
  'common.timeout': 'Máy chủ trả lời quá lâu. Hãy thử lại.',
  'common.serverError': 'Đã xảy ra lỗi ở máy chủ. Hãy thử lại sau ít phút.',

  'group.citizen': 'Người dân',
  'group.business': 'Doanh nghiệp, tổ chức',
  'group.official': 'Cán bộ, công chức, viên chức',
  'group.deputy': 'Đại biểu Hội đồng nhân dân',

  'intro.unit': 'Cơ quan, đơn vị được đánh giá',
  'intro.group': 'Người trả lời',
  'intro.closesOn': 'Hạn trả lời',
  'intro.recorded': 'Điều gì được ghi lại',
  'intro.local':
    'Câu trả lời được lưu tạm trong trình duyệt trên máy này khi bạn trả lời, để có thể làm tiếp nếu bị gián đoạn; chúng được xoá khỏi máy sau khi gửi.',
  'intro.sections': 'Phiếu có {sections} phần, {items} câu hỏi.',
  'intro.start': 'Bắt đầu trả lời',

  'form.progress': 'Phần {current}/{total}',
  'form.progressLabel': 'Tiến độ trả lời',
  'form.requiredNote': 'Các câu có dấu * là bắt buộc.',
  'form.next': 'Tiếp tục',
  'form.back': 'Quay lại',
  'form.submit': 'Gửi phiếu',
  'form.resumed': 'Đã khôi phục câu trả lời bạn nhập trước đó trên máy này. Bạn có thể trả lời tiếp.',
  'form.versionChanged':
    'Phiếu khảo sát đã được cập nhật kể từ lần bạn mở trước, nên câu trả lời cũ trên máy này không dùng được nữa và đã được xoá. Xin trả lời lại từ đầu.',
  'form.startOver': 'Xoá câu trả lời và làm lại',
  'form.startOverConfirm': 'Xoá mọi câu trả lời đã nhập trên máy này và làm lại từ đầu?',
  'form.fixItems': 'Xin xem lại {count} câu được đánh dấu trước khi tiếp tục.',
  'form.recordedShort': 'Điều gì được ghi lại khi bạn gửi phiếu',

  'item.required': 'Xin trả lời câu này.',
  'item.rowRequired': 'Xin chọn một mức cho tiêu chí này.',
  'item.rowsMissing': 'Xin đánh giá tất cả các tiêu chí (còn {count} tiêu chí chưa chọn).',
  'item.numberInvalid': 'Xin nhập một con số (ví dụ: 12 hoặc 2,5).',
  'item.chooseOne': 'Chọn một phương án.',
  'item.chooseMany': 'Có thể chọn nhiều phương án.',
  'item.chooseBetween': 'Chọn từ {min} đến {max} phương án.',
  'item.chooseAtLeast': 'Chọn ít nhất {min} phương án.',
  'item.chooseAtMost': 'Chọn tối đa {max} phương án.',
  'item.exclusive': '“{choice}” không chọn cùng các phương án khác.',
  'item.numberBetween': 'Nhập một số từ {min} đến {max}.',
  'item.numberAtLeast': 'Nhập một số không nhỏ hơn {min}.',
  'item.numberAtMost': 'Nhập một số không lớn hơn {max}.',
  'item.numberWhole': 'Số nguyên.',
  'item.clear': 'Bỏ chọn',
  'item.counter': '{count}/{max} ký tự',
  'item.scaleRange': 'Chọn một mức từ 1 ({low}) đến 5 ({high}).',

  'send.sending': 'Đang gửi phiếu…',
  'send.waitingCaptcha': 'Đang chuẩn bị gửi (kiểm tra chống thư rác tự động)…',
  'send.offline':
    'Bạn đang ngoại tuyến. Phiếu sẽ tự động gửi khi có mạng trở lại; câu trả lời vẫn được giữ trên máy này.',
  'send.failed': 'Mất kết nối khi gửi phiếu. Câu trả lời vẫn được giữ trên máy này.',
  'send.retry': 'Gửi lại',
  'send.safeRetry': 'Gửi lại không làm phiếu bị tính hai lần.',
  'send.rateLimited': 'Có quá nhiều phiếu được gửi từ nơi này trong thời gian ngắn. Hãy thử lại sau ít phút.',
  'send.captchaError': 'Chưa hoàn tất được bước kiểm tra chống thư rác. Hãy bấm “Gửi lại”.',
  'send.answers': 'Một số câu trả lời chưa hợp lệ. Xin xem lại các câu được đánh dấu.',

  'error.loadTitle': 'Không mở được phiếu khảo sát',
  'error.notFoundTitle': 'Không tìm thấy phiếu khảo sát',
  'error.notFound':
    'Mã hoặc đường liên kết này không đúng, hoặc không còn dùng được. Hãy kiểm tra lại mã QR hay đường liên kết trong thư mời.',
  'error.closedTitle': 'Khảo sát không nhận phiếu trả lời',
  'error.closed':
    'Đợt khảo sát này chưa mở hoặc đã kết thúc nên không nhận phiếu trả lời. Cảm ơn bạn đã quan tâm.',
  'error.usedTitle': 'Đường liên kết này đã được dùng',
  'error.used':
    'Mỗi thư mời chỉ dùng để gửi một phiếu, và phiếu của thư mời này đã được gửi. Nếu không phải bạn đã gửi, hãy liên hệ cơ quan đã gửi thư mời.',
  'error.changedTitle': 'Phiếu khảo sát vừa được cập nhật',
  'error.changed':
    'Phiếu bạn đang trả lời đã có phiên bản mới nên chưa gửi được. Hãy tải lại phiếu để trả lời theo phiên bản mới.',
  'error.reload': 'Tải lại phiếu',

  'done.title': 'Cảm ơn bạn đã trả lời!',
  'done.received': 'Phiếu trả lời của bạn đã được ghi nhận.',
  'done.again': 'Phiếu này đã được ghi nhận từ lần gửi trước; không có phiếu nào bị tính hai lần.',
  'done.dropped': 'Có {count} câu trả lời không được tính vì câu hỏi không áp dụng với bạn.',
  'done.cleared': 'Câu trả lời đã được xoá khỏi máy này.',
  'done.another': 'Trả lời một phiếu mới (người khác)',
  'done.alreadyTitle': 'Bạn đã gửi phiếu này',
  'done.already': 'Phiếu của đường liên kết này đã được gửi từ máy này ngày {date}. Cảm ơn bạn đã trả lời.',

  'notFound.title': 'Không có trang này',
  'notFound.body':
    'Hãy mở phiếu khảo sát bằng cách quét mã QR tại nơi bạn được phục vụ, hoặc bằng đường liên kết trong thư mời.',
};

export type Messages = typeof vi;
export type MessageKey = keyof Messages;
