import type { Messages } from './vi';

/** English texts: the same keys as `vi.ts` (the type refuses a missing or an extra one). */
export const en: Messages = {
  'site.title': 'Administrative reform survey',
  'site.pageTitle': '{page} — PAR survey',
  'site.skip': 'Skip to main content',
  'lang.switch': 'Tiếng Việt',
  'lang.switchLabel': 'Chuyển sang tiếng Việt',

  'common.loading': 'Loading the survey…',
  'common.retry': 'Try again',
  'common.required': 'required',
  'common.offline':
    'You are offline. Your answers are kept on this device; you can go on answering and send once you are connected.',
  'common.networkError': 'Cannot reach the server. Check your connection and try again.',
  'common.timeout': 'The server took too long to answer. Please try again.',
  'common.serverError': 'Something went wrong on the server. Please try again in a few minutes.',

  'group.citizen': 'Citizens',
  'group.business': 'Businesses and organisations',
  'group.official': 'Civil servants and public employees',
  'group.deputy': "People's Council deputies",

  'intro.unit': 'Agency or unit rated',
  'intro.group': 'Respondents',
  'intro.closesOn': 'Answer by',
  'intro.recorded': 'What is recorded',
  'intro.local':
    'Your answers are kept in this browser on this device while you answer, so that you can resume if interrupted; they are removed from the device once sent.',
  'intro.sections': 'The form has {sections} parts and {items} questions.',
  'intro.start': 'Start',

  'form.progress': 'Part {current}/{total}',
  'form.progressLabel': 'Progress',
  'form.requiredNote': 'Questions marked * are required.',
  'form.next': 'Next',
  'form.back': 'Back',
  'form.submit': 'Send the form',
  'form.resumed': 'The answers you gave earlier on this device have been restored. You can carry on.',
  'form.versionChanged':
    'The survey form has been updated since you last opened it, so your earlier answers on this device no longer fit and were removed. Please answer again from the start.',
  'form.startOver': 'Clear my answers and start over',
  'form.startOverConfirm': 'Clear every answer given on this device and start over?',
  'form.fixItems': 'Please check the {count} marked question(s) before going on.',
  'form.recordedShort': 'What is recorded when you send the form',

  'item.required': 'Please answer this question.',
  'item.rowRequired': 'Please choose a level for this criterion.',
  'item.rowsMissing': 'Please rate every criterion ({count} not rated yet).',
  'item.numberInvalid': 'Please enter a number (for example 12 or 2,5).',
  'item.chooseOne': 'Choose one option.',
  'item.chooseMany': 'You may choose several options.',
  'item.chooseBetween': 'Choose {min} to {max} options.',
  'item.chooseAtLeast': 'Choose at least {min} options.',
  'item.chooseAtMost': 'Choose at most {max} options.',
  'item.exclusive': '“{choice}” cannot be chosen together with other options.',
  'item.numberBetween': 'Enter a number from {min} to {max}.',
  'item.numberAtLeast': 'Enter a number of at least {min}.',
  'item.numberAtMost': 'Enter a number of at most {max}.',
  'item.numberWhole': 'Whole number.',
  'item.clear': 'Clear my choice',
  'item.counter': '{count}/{max} characters',
  'item.scaleRange': 'Choose a level from 1 ({low}) to 5 ({high}).',

  'send.sending': 'Sending the form…',
  'send.waitingCaptcha': 'Getting ready to send (automatic anti-spam check)…',
  'send.offline':
    'You are offline. The form will be sent automatically when you are back online; your answers are kept on this device.',
  'send.failed': 'The connection dropped while sending. Your answers are still kept on this device.',
  'send.retry': 'Send again',
  'send.safeRetry': 'Sending again never counts the form twice.',
  'send.rateLimited':
    'Too many forms were sent from this place in a short time. Please try again in a few minutes.',
  'send.captchaError': 'The anti-spam check could not be completed. Please press “Send again”.',
  'send.answers': 'Some answers are not valid. Please check the marked questions.',

  'error.loadTitle': 'The survey could not be opened',
  'error.notFoundTitle': 'Survey not found',
  'error.notFound':
    'This code or link is wrong or no longer in use. Please check the QR code or the link in your invitation.',
  'error.closedTitle': 'The survey is not taking answers',
  'error.closed':
    'This survey has not opened yet or has ended, so it takes no answers. Thank you for your interest.',
  'error.usedTitle': 'This link has already been used',
  'error.used':
    'Each invitation sends one form, and the form of this invitation has been sent. If it was not you, please contact the agency that invited you.',
  'error.changedTitle': 'The survey form has just been updated',
  'error.changed':
    'The form you are answering has a new version, so it could not be sent. Please reload the form to answer the new version.',
  'error.reload': 'Reload the form',

  'done.title': 'Thank you for your answers!',
  'done.received': 'Your answers have been received.',
  'done.again': 'This form had already been received from an earlier attempt; nothing is counted twice.',
  'done.dropped': '{count} answer(s) were not counted because the question did not apply to you.',
  'done.cleared': 'Your answers have been removed from this device.',
  'done.another': 'Answer a new form (someone else)',
  'done.alreadyTitle': 'You have sent this form',
  'done.already': 'The form of this link was sent from this device on {date}. Thank you for your answers.',

  'notFound.title': 'No such page',
  'notFound.body':
    'Open the survey by scanning the QR code where you were served, or through the link in your invitation.',
};
