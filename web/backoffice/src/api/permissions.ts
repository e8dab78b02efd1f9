import type { Role } from './types.js';

/** What a role may do, as the server enforces it (BO-CONTRACT.md, "Roles"); the UI only mirrors it. */
export type Permission = 'read' | 'audit' | 'work' | 'export' | 'admin';

const NEEDS: Record<Permission, readonly Role[]> = {
  read: ['viewer', 'auditor', 'reviewer', 'admin'],
  audit: ['auditor', 'reviewer', 'admin'],
  work: ['reviewer', 'admin'],
  export: ['reviewer', 'admin'],
  admin: ['admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return NEEDS[permission].includes(role);
}
