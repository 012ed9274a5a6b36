import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { withTransaction } from '@pilotlink/database';
import { AuthService, PasswordService } from '@pilotlink/identity';
import { Org } from '@pilotlink/identity/domain/org.entity';
import { User } from '@pilotlink/identity/domain/user.entity';
import { DataSource } from 'typeorm';
import { DEMO_OPERATOR_ORGS } from '../demo-catalogue.data';
import { DEMO_PASSWORD } from '../demo-identity.seed';

/** Logins for more platform operators (the catalogue seed makes their orgs), so each program has platforms that act. */
export const DEMO_OPERATOR_LOGINS = [
  {
    org: DEMO_OPERATOR_ORGS.straitGraphene,
    email: 'platform.graphene@demo.pilotlink.cn',
    displayName: '石墨烯平台 王工',
  },
  {
    org: DEMO_OPERATOR_ORGS.fuzhouEnergyInstitute,
    email: 'platform.fuzhou@demo.pilotlink.cn',
    displayName: '储能平台 郑工',
  },
  {
    org: DEMO_OPERATOR_ORGS.guangzhouBiomed,
    email: 'platform.guangzhou@demo.pilotlink.cn',
    displayName: '生物医药平台 黄工',
  },
];

/** Idempotent: users are matched by email. Run after the catalogue seed. */
@Injectable()
export class DemoOperatorsSeed {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  async run(): Promise<{ created: number }> {
    return withTransaction(this.dataSource, async (manager) => {
      let created = 0;
      let passwordHash: string | null = null;
      for (const login of DEMO_OPERATOR_LOGINS) {
        if (await manager.existsBy(User, { email: login.email })) continue;
        const org = await manager.findOneByOrFail(Org, { uscc: login.org.uscc });
        passwordHash ??= await this.passwords.hash(DEMO_PASSWORD);
        await this.auth.insertUser(
          manager,
          org.id,
          { email: login.email, displayName: login.displayName, password: DEMO_PASSWORD },
          'OWNER',
          passwordHash,
        );
        created += 1;
      }
      return { created };
    });
  }
}
