// Running from source (tests, `npm run dev`), a worker thread has no TypeScript loader of its
// own: register tsx in this thread, then load the thread's module.
import { register } from 'tsx/esm/api';

register();
await import('./index-thread.ts');
