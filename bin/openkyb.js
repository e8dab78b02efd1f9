#!/usr/bin/env node
// The CLI runs the compiled server; `npm run build` (run by `npm install` through `prepare`) produces dist/.
import('../dist/main.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('openkyb: dist/ is missing; run `npm run build` first.');
    process.exit(1);
  }
  throw error;
});
