#!/usr/bin/env node
// `npm run build` (and the first step of `npm test`): vite build into a fresh build-<stamp>/, then `build` is
// switched to it in one rename; servers already running keep serving the build they started from (builds.js).
import { build } from './build-if-stale.js';

build();
