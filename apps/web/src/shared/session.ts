import { useEffect, useState } from 'react';
import { getSession, onSession, Session } from './api';

/** The signed-in user and org (null when signed out); re-renders on login, refresh and logout. */
export function useSession(): Session | null {
  const [session, setState] = useState(getSession());
  useEffect(() => onSession(setState), []);
  return session;
}

/** Each role's main page. */
export function homeOf(kind: string | undefined): string {
  if (kind === 'SME') return '/sme';
  if (kind === 'PLATFORM_OPERATOR') return '/platform';
  if (kind === 'BUREAU' || kind === 'ADMIN') return '/bureau';
  if (kind === 'INSTITUTE') return '/institute';
  return '/';
}
