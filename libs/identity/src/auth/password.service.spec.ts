import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const passwords = new PasswordService();

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await passwords.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('correct horse battery');
    await expect(passwords.verify(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(passwords.verify(hash, 'correct horse batterY')).resolves.toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await passwords.hash('same-password-1')).not.toBe(await passwords.hash('same-password-1'));
  });

  it('an unknown user (no hash) or a corrupt hash never verifies', async () => {
    await expect(passwords.verify(null, 'pilotlink-decoy-password')).resolves.toBe(false);
    await expect(passwords.verify('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
