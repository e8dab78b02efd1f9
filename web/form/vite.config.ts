import { webAppConfig } from '../shared/vite-app.js';

// The hosted KYB form. Assets live under /form/assets/ (long-cached, hashed names); the page
// itself is /welcome. It imports only src/shared, which is dependency-free.
export default webAppConfig('form', '/form/');
