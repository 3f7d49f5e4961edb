// `npm start`: build what is missing, then run the server (API + web UI on one port).
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
await import('../dist/server/main.js');
