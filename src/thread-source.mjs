// Running from source (tests, `npm run dev`), a worker thread has no TypeScript loader of its
// own: register tsx in this thread, then load the module named last on its argv (threads.ts).
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
