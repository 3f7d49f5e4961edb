#!/usr/bin/env node
// The `chidao` administration command (also `npm run chidao -- …`).
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

buildIfNeeded();
await import('../dist/server/cli.js');
