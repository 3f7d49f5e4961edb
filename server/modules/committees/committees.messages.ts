/** The committees module's server messages (Vietnamese first). */
export const COMMITTEE_MESSAGES = {
  'committee.body_required': {
    vi: 'Thành viên Tổ giúp việc cần được ghi vào một Tổ giúp việc của Ban Chỉ đạo (thành lập Tổ giúp việc trước).',
    en: 'A working-group member belongs to one of the committee’s working groups (record the working group first).',
  },
  'committee.body_position_only': {
    vi: 'Chỉ thành viên Tổ giúp việc mới thuộc Tổ giúp việc.',
    en: 'Only working-group members belong to a working group.',
  },
  'committee.body_not_found': {
    vi: 'Tổ giúp việc được chọn không thuộc Ban Chỉ đạo này.',
    en: 'The chosen working group does not belong to this committee.',
  },
  'committee.body_not_in_force': {
    vi: 'Tổ giúp việc chưa được thành lập hoặc đã giải thể vào ngày {date}.',
    en: 'The working group was not in place on {date}.',
  },
  'committee.head_not_member': {
    vi: 'Tổ trưởng phải là thành viên của chính Tổ giúp việc này.',
    en: 'The head must be a member of this working group.',
  },
  'committee.already_linked': {
    vi: 'Thành viên này đã được gắn với tài khoản {name}.',
    en: 'This member is already linked to the account of {name}.',
  },
} as const;
