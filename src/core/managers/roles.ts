import { MANAGER_ROLES, type ManagerRole } from '../../shared/enums.js';

export { MANAGER_ROLES, type ManagerRole };

/** Whether `role` includes everything `needed` may do (roles are ordered, weakest first). */
export function hasRole(role: ManagerRole, needed: ManagerRole): boolean {
  return MANAGER_ROLES.indexOf(role) >= MANAGER_ROLES.indexOf(needed);
}

export function isManagerRole(value: string): value is ManagerRole {
  return (MANAGER_ROLES as readonly string[]).includes(value);
}

/** A manager acting through a back-office session: who, and with which role. */
export interface ManagerPrincipal {
  id: number;
  role: ManagerRole;
}
