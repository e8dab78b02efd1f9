import { createContext, useContext } from 'react';
import type { Client } from './api/client.js';
import type { Manager } from './api/types.js';

export interface SignedIn {
  manager: Manager;
  client: Client;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SignedIn | null>(null);

export function useSession(): SignedIn {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}
