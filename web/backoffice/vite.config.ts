import { webAppConfig } from '../shared/vite-app.js';

// The back office, served under /backoffice/.
export default webAppConfig('backoffice', '/backoffice/');
