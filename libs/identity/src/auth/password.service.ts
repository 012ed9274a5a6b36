import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-level memory cost). */
@Injectable()
export class PasswordService {
  // Verified against when an email is unknown, so a login takes as long either way.
  private readonly decoyHash = argon2.hash('pilotlink-decoy-password');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** With no hash (unknown account) it still spends the time of a verification, then says no. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const matches = await argon2.verify(hash ?? (await this.decoyHash), password);
      return hash !== null && matches;
    } catch {
      return false;
    }
  }
}
