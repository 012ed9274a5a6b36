import { ConfigProvider, Tooltip } from 'antd';
import { createContext, ReactNode, useContext } from 'react';
import { api, Schema } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';

/**
 * Roles in an org (issue 15 point 5). Every org has owners and members; a bureau's users may hold a duty
 * instead: 审核员 (REVIEWER) decides applications, claims, objections, spot checks and verifications,
 * 拨付员 (PAYER) records payments and disbursement batches; a bureau member only reads. The API enforces
 * them; the portal disables what a role cannot do and says why.
 */
export type UserRole = Schema<'UserResponseDto'>['role'];
export type Need = 'OWNER' | 'REVIEWER' | 'PAYER';

export const ROLE_TEXT: Record<UserRole, string> = {
  OWNER: '负责人',
  MEMBER: '成员（只读）',
  REVIEWER: '审核员',
  PAYER: '拨付员',
};

const NEED_TEXT: Record<Need, string> = {
  OWNER: '仅本单位负责人可操作',
  REVIEWER: '仅审核员或负责人可操作',
  PAYER: '仅拨付员或负责人可操作',
};

/** The signed-in user's role as the role gates read it (from GET /me). */
interface Me {
  userId?: string;
  role?: UserRole;
  orgKind?: string;
}

const MeContext = createContext<Me>({});

/** Reads the signed-in user's current role (GET /me: a role changed since sign-in applies at once). */
export function MyRoleProvider({ children }: { children: ReactNode }) {
  const me = useLoad(() => api<Schema<'MeResponseDto'>>('/me'), []);
  const value: Me = me.data ? { userId: me.data.user.id, role: me.data.user.role, orgKind: me.data.org.kind } : {};
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** The signed-in user, and whether the role allows a bureau duty (the owner holds all of them). */
export function useMyRole(): Me & { can: (need: Need) => boolean } {
  const me = useContext(MeContext);
  const can = (need: Need) => {
    if (!me.role) return true; // not loaded yet, or outside a provider: the API decides
    if (me.orgKind !== 'BUREAU' || me.role === 'OWNER') return me.role === 'OWNER' || need !== 'OWNER';
    return me.role === need;
  };
  return { ...me, can };
}

/** Its buttons are disabled, with a tooltip saying who may, unless the user's role allows `need`. */
export function RoleGate({ need, children }: { need: Need; children: ReactNode }) {
  const { can } = useMyRole();
  if (can(need)) return <>{children}</>;
  return (
    <Tooltip title={NEED_TEXT[need]}>
      <span style={{ display: 'inline-block' }} data-role-gate={need}>
        <ConfigProvider componentDisabled>{children}</ConfigProvider>
      </span>
    </Tooltip>
  );
}
