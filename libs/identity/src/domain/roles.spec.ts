import { roleAllowedIn } from './org';
import { USER_ROLES } from '@pilotlink/core';

describe('roles (least privilege for money)', () => {
  it('REVIEWER and PAYER are duties of bureau users only', () => {
    for (const role of USER_ROLES) expect(roleAllowedIn('BUREAU', role)).toBe(true);
    for (const kind of ['SME', 'PLATFORM_OPERATOR', 'ADMIN'] as const) {
      expect(roleAllowedIn(kind, 'OWNER')).toBe(true);
      expect(roleAllowedIn(kind, 'MEMBER')).toBe(true);
      expect(roleAllowedIn(kind, 'REVIEWER')).toBe(false);
      expect(roleAllowedIn(kind, 'PAYER')).toBe(false);
    }
  });
});
