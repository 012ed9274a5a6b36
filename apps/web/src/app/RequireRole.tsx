import { Navigate } from 'react-router-dom';
import { homeOf, useSession } from '../shared/session';

export function RequireRole({ kinds, element }: { kinds: string[]; element: JSX.Element }) {
  const session = useSession();
  if (!session) return <Navigate to="/login" replace />;
  if (!kinds.includes(session.org.kind)) return <Navigate to={homeOf(session.org.kind)} replace />;
  return element;
}
