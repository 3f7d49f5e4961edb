/**
 * The captcha of a public form: fetches a challenge (`GET /api/captcha`) and solves it in the background as
 * soon as the form mounts, so that it is usually ready before the citizen has finished typing.
 *
 * A solution is good for one submission: after each submission, successful or not, call `retry()` for a new
 * one. A solution is also renewed before its challenge expires (the server's live 20 minutes), keeping the
 * current one usable meanwhile, so a form left open for a long letter still submits.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaptchaChallengeOut } from '../../../../server/modules/captcha/captcha.schemas';
import { api } from '../api';
import { solveCaptcha } from './solve';

export type CaptchaSolution = { token: string; nonce: string };

export type CaptchaState = {
  status: 'solving' | 'ready' | 'error';
  solution: CaptchaSolution | null;
  /** Starts over with a new challenge (after a submission, or after an error). */
  retry: () => void;
};

/**
 * A solution is renewed a minute before its challenge expires, and at least every 10 minutes: the expiry is
 * read on this device's clock, which may be wrong, so the wait is bounded on both sides.
 */
const RENEW_AFTER_MS = 10 * 60_000;
const RENEW_MARGIN_MS = 60_000;

export function useCaptcha(): CaptchaState {
  // Each round fetches and solves one challenge; a renewal keeps the current solution until the next is ready.
  const [round, setRound] = useState({ n: 0, keep: false });
  const [state, setState] = useState<Omit<CaptchaState, 'retry'>>({ status: 'solving', solution: null });

  useEffect(() => {
    const controller = new AbortController();
    let renew: ReturnType<typeof setTimeout> | undefined;
    if (!round.keep) setState({ status: 'solving', solution: null });
    (async () => {
      const challenge = await api.get<CaptchaChallengeOut>('/api/captcha', { signal: controller.signal });
      const nonce = await solveCaptcha(challenge, { signal: controller.signal });
      if (controller.signal.aborted) return;
      setState({ status: 'ready', solution: { token: challenge.token, nonce } });
      const left = Date.parse(challenge.expiresAt) - Date.now() - RENEW_MARGIN_MS;
      renew = setTimeout(
        () => setRound((r) => ({ n: r.n + 1, keep: true })),
        Math.min(RENEW_AFTER_MS, Math.max(RENEW_MARGIN_MS, left)),
      );
    })().catch(() => {
      if (!controller.signal.aborted) setState({ status: 'error', solution: null });
    });
    return () => {
      controller.abort();
      clearTimeout(renew);
    };
  }, [round]);

  const retry = useCallback(() => setRound((r) => ({ n: r.n + 1, keep: false })), []);
  return { ...state, retry };
}
