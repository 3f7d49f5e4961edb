// The worker thread's entry when the server runs from its TypeScript sources (tsx: `npm run dev`, the tests, the
// benches): a new thread has no TypeScript loader of its own, so it registers tsx's, then loads the host. The built
// server (dist/, `npm start`) starts its compiled worker-host.js directly and never needs tsx.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.host);
