/**
 * From a failed request to what the page does about it, in plain words: the server's error codes
 * (server/modules/surveys/public.service.ts) become a few situations, each with its own message and way out.
 *
 * | situation     | from                                   | the page                                           |
 * | ------------- | -------------------------------------- | -------------------------------------------------- |
 * | `network`     | no answer, a cut answer, a timeout     | "Gửi lại" (same client key: never counted twice)    |
 * | `offline`     | the same while `navigator.onLine` false | waits for the connection, then sends by itself     |
 * | `retry`       | 5xx, 429, a captcha refused            | the message and "Gửi lại" (a new captcha)           |
 * | `answers`     | 400 with problems per question          | each message beside its question                   |
 * | `used`        | 409 INVITATION_USED                    | the link was used: nothing more to do               |
 * | `changed`     | 409 FORM_CHANGED (or a stale version)  | "Tải lại phiếu" (the new version starts fresh)      |
 * | `closed`      | 410                                    | the survey takes no answers (the server says when)  |
 * | `notFound`    | 404                                    | check the QR code or the link                       |
 * | `invalid`     | any other 4xx                          | the server's message                                |
 */
import { SurveyApiError } from './api';

export type Situation =
  'network' | 'offline' | 'retry' | 'answers' | 'used' | 'changed' | 'closed' | 'notFound' | 'invalid';

export type Failure = {
  situation: Situation;
  /** The HTTP status (0: no answer) and the error's code, the server's or `NETWORK` / `TIMEOUT` / `HTTP_<status>`. */
  status: number;
  code: string;
  /** The server's own sentence (in the language asked), when it sent one. */
  serverMessage: string | null;
  /** `answers`: the server's messages per question code ("code" or "code[row]" in its details). */
  items: { item: string; row: string | null; message: string }[];
  /** Messages that name no question of this form. */
  other: string[];
};

const ROW_FIELD = /^(.*)\[([^\]]*)\]$/;

/**
 * The question a server detail names: `bang[r1]`, `gioi_tinh`, also `answers.gioi_tinh` or `answers/bang[r1]`
 * (validation paths). Null when it names no question of the form.
 */
export function itemOfField(
  field: string,
  codes: ReadonlySet<string>,
): { item: string; row: string | null } | null {
  let f = field.trim();
  for (const prefix of ['body.', 'body/', 'answers.', 'answers/'])
    if (f.startsWith(prefix)) f = f.slice(prefix.length);
  if (codes.has(f)) return { item: f, row: null };
  const m = ROW_FIELD.exec(f) ?? /^(.*)\.([^.]+)$/.exec(f);
  if (m && codes.has(m[1]!)) return { item: m[1]!, row: m[2]! };
  return null;
}

export function describeFailure(error: unknown, codes: ReadonlySet<string>, online: boolean): Failure {
  const out: Failure = {
    situation: 'retry',
    status: 0,
    code: 'UNKNOWN',
    serverMessage: null,
    items: [],
    other: [],
  };
  if (!(error instanceof SurveyApiError)) return out;
  out.status = error.status;
  out.code = error.code;
  const fromServer = !/^(NETWORK|TIMEOUT|HTTP_\d+)$/.test(error.code);
  out.serverMessage = fromServer ? error.message : null;
  if (error.status === 0) {
    out.situation = online ? 'network' : 'offline';
    return out;
  }
  if (error.status === 404) out.situation = 'notFound';
  else if (error.status === 410) out.situation = 'closed';
  else if (error.status === 409)
    // Any other conflict of a submission means the form this page holds is not the one the server expects.
    out.situation = error.code === 'INVITATION_USED' ? 'used' : 'changed';
  else if (error.status === 429 || error.status >= 500 || error.code.startsWith('CAPTCHA'))
    out.situation = 'retry';
  else if (error.status >= 400) {
    for (const detail of error.details) {
      const where = itemOfField(detail.field, codes);
      if (where) out.items.push({ ...where, message: detail.message });
      else if (detail.message !== error.message && !out.other.includes(detail.message))
        out.other.push(detail.message);
    }
    out.situation = out.items.length ? 'answers' : 'invalid';
  }
  return out;
}

export type RetryMessage =
  { key: 'send.failed' | 'send.rateLimited' | 'send.captchaError' | 'common.serverError' } | { text: string };

/** What the page says about a send that failed but may work when tried again ("Gửi lại"). */
export function retryMessage(f: Failure): RetryMessage {
  if (f.situation === 'network' || f.situation === 'offline') return { key: 'send.failed' };
  if (f.status === 429) return { key: 'send.rateLimited' };
  if (f.code.startsWith('CAPTCHA')) return { key: 'send.captchaError' };
  if (f.status >= 500 || !f.serverMessage) return { key: 'common.serverError' };
  return { text: f.serverMessage };
}

/** The captcha could not be solved in the browser (no challenge, no worker): trying again fetches a new one. */
export const CAPTCHA_FAILED: Failure = {
  situation: 'retry',
  status: 0,
  code: 'CAPTCHA_UNSOLVED',
  serverMessage: null,
  items: [],
  other: [],
};
