/** The captcha search off the page's thread (started by ./solve.ts; the page ends it when done or aborted). */
import { searchNonce, type Puzzle, type WorkerMessage } from './search';

type WorkerScope = {
  onmessage: ((event: MessageEvent<Puzzle>) => void) | null;
  postMessage(message: WorkerMessage): void;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  searchNonce(event.data, (tried) => scope.postMessage({ type: 'progress', tried })).then(
    (nonce) => scope.postMessage({ type: 'found', nonce }),
    (error: unknown) => scope.postMessage({ type: 'failed', message: String(error) }),
  );
};
