import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { withTransaction } from '@pilotlink/database';
import { AuthService, Org, OrgKind, PasswordService, User, UserRole } from '@pilotlink/identity';
import { DataSource, EntityManager } from 'typeorm';
import { demoUscc } from './demo-uscc';

export const DEMO_PASSWORD = 'PilotLink-demo-2026';

interface DemoOrg {
  kind: OrgKind;
  name: string;
  uscc: string;
  regionCode: string;
  email: string;
  displayName: string;
  techSme?: boolean;
  size?: Org['size'];
}

/** SPEC §10: the bureaus, plus one login for each role. */
export const DEMO_ORGS: DemoOrg[] = [
  {
    kind: 'ADMIN',
    name: 'PilotLink 中试通运营中心',
    uscc: demoUscc('91', '350500', 1),
    regionCode: '350500',
    email: 'admin@demo.pilotlink.cn',
    displayName: '运营管理员',
  },
  {
    kind: 'BUREAU',
    name: '泉州市科学技术局',
    uscc: demoUscc('11', '350500', 2),
    regionCode: '350500',
    email: 'bureau.quanzhou@demo.pilotlink.cn',
    displayName: '泉州市科技局 审核员',
  },
  {
    kind: 'BUREAU',
    name: '晋江市科学技术局',
    uscc: demoUscc('11', '350582', 3),
    regionCode: '350582',
    email: 'bureau@demo.pilotlink.cn',
    displayName: '晋江市科技局 审核员',
  },
  {
    kind: 'BUREAU',
    name: '福州市科学技术局',
    uscc: demoUscc('11', '350100', 4),
    regionCode: '350100',
    email: 'bureau.fuzhou@demo.pilotlink.cn',
    displayName: '福州市科技局 审核员',
  },
  {
    kind: 'BUREAU',
    name: '广州市发展和改革委员会',
    uscc: demoUscc('11', '440100', 5),
    regionCode: '440100',
    email: 'bureau.guangzhou@demo.pilotlink.cn',
    displayName: '广州市发展改革委 审核员',
  },
  {
    kind: 'BUREAU',
    name: '嘉兴市经济和信息化局',
    uscc: demoUscc('11', '330400', 6),
    regionCode: '330400',
    email: 'bureau.jiaxing@demo.pilotlink.cn',
    displayName: '嘉兴市经信局 审核员',
  },
  {
    kind: 'SME',
    name: '晋江市示范鞋材科技有限公司',
    uscc: demoUscc('91', '350582', 101),
    regionCode: '350582',
    email: 'sme@demo.pilotlink.cn',
    displayName: '陈经理',
    techSme: true,
    size: 'SMALL',
  },
  {
    kind: 'PLATFORM_OPERATOR',
    name: '海西纺织新材料工业技术晋江研究院',
    uscc: demoUscc('12', '350582', 201),
    regionCode: '350582',
    email: 'platform@demo.pilotlink.cn',
    displayName: '平台运营 林工',
  },
  {
    kind: 'INSTITUTE',
    name: '中国科学院海西研究院泉州装备制造研究中心',
    uscc: demoUscc('12', '350500', 301),
    regionCode: '350500',
    email: 'institute@demo.pilotlink.cn',
    displayName: '成果转化办公室 王老师',
  },
  {
    kind: 'INSTITUTE',
    name: '福州大学',
    uscc: demoUscc('12', '350100', 302),
    regionCode: '350100',
    email: 'institute.fzu@demo.pilotlink.cn',
    displayName: '技术转移中心 郑老师',
  },
];

/**
 * Further accounts of demo orgs. The 晋江 bureau's owner approves; under maker-checker (SPEC §6) a second
 * user, its PAYER, records the payments.
 */
export const DEMO_MEMBERS: { orgEmail: string; email: string; displayName: string; role: UserRole; label: string }[] = [
  {
    orgEmail: 'bureau@demo.pilotlink.cn',
    email: 'payer@demo.pilotlink.cn',
    displayName: '晋江市科技局 拨付员',
    role: 'PAYER',
    label: 'Bureau payer',
  },
];

export interface SeedResult {
  created: number;
  logins: { role: string; org: string; email: string; password: string }[];
}

/** Idempotent: orgs are matched by USCC and users by email; running it twice changes nothing. */
@Injectable()
export class DemoIdentitySeed {
  private readonly logger = new Logger(DemoIdentitySeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  async run(): Promise<SeedResult> {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    let created = 0;
    await withTransaction(this.dataSource, async (manager) => {
      const admin = await this.ensureOrg(manager, DEMO_ORGS[0], null, () => (created += 1));
      for (const demo of DEMO_ORGS.slice(1)) await this.ensureOrg(manager, demo, admin.id, () => (created += 1));
      for (const demo of DEMO_ORGS) await this.ensureOwner(manager, demo, passwordHash, () => (created += 1));
      for (const member of DEMO_MEMBERS) await this.ensureMember(manager, member, passwordHash, () => (created += 1));
    });
    this.logger.log(`demo identity data: ${created} rows created`);
    const firstOfKind = (kind: OrgKind, email: string) => DEMO_ORGS.find((o) => o.kind === kind && o.email === email)!;
    return {
      created,
      logins: [
        ...[
          ['SME', firstOfKind('SME', 'sme@demo.pilotlink.cn')],
          ['Platform operator', firstOfKind('PLATFORM_OPERATOR', 'platform@demo.pilotlink.cn')],
          ['Bureau', firstOfKind('BUREAU', 'bureau@demo.pilotlink.cn')],
          ['Institute', firstOfKind('INSTITUTE', 'institute@demo.pilotlink.cn')],
          ['Admin', firstOfKind('ADMIN', 'admin@demo.pilotlink.cn')],
        ].map(([role, org]) => ({
          role: role as string,
          org: (org as DemoOrg).name,
          email: (org as DemoOrg).email,
          password: DEMO_PASSWORD,
        })),
        ...DEMO_MEMBERS.map((m) => ({
          role: m.label,
          org: DEMO_ORGS.find((o) => o.email === m.orgEmail)!.name,
          email: m.email,
          password: DEMO_PASSWORD,
        })),
      ],
    };
  }

  private async ensureOrg(
    manager: EntityManager,
    demo: DemoOrg,
    verifierId: string | null,
    onCreate: () => void,
  ): Promise<Org> {
    const existing = await manager.findOneBy(Org, { uscc: demo.uscc });
    if (existing) return existing;
    onCreate();
    const org = await this.auth.insertOrg(
      manager,
      {
        kind: demo.kind,
        name: demo.name,
        uscc: demo.uscc,
        regionCode: demo.regionCode,
        techSme: demo.techSme,
        size: demo.size ?? undefined,
      },
      { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: verifierId },
    );
    if (!verifierId) await manager.update(Org, { id: org.id }, { verifiedByOrgId: org.id });
    return org;
  }

  private async ensureOwner(
    manager: EntityManager,
    demo: DemoOrg,
    passwordHash: string,
    onCreate: () => void,
  ): Promise<void> {
    if (await manager.existsBy(User, { email: demo.email })) return;
    const org = await manager.findOneByOrFail(Org, { uscc: demo.uscc });
    onCreate();
    await this.auth.insertUser(
      manager,
      org.id,
      { email: demo.email, displayName: demo.displayName, password: DEMO_PASSWORD },
      'OWNER',
      passwordHash,
    );
  }

  private async ensureMember(
    manager: EntityManager,
    member: (typeof DEMO_MEMBERS)[number],
    passwordHash: string,
    onCreate: () => void,
  ): Promise<void> {
    if (await manager.existsBy(User, { email: member.email })) return;
    const owner = await manager.findOneByOrFail(User, { email: member.orgEmail });
    onCreate();
    await this.auth.insertUser(
      manager,
      owner.orgId,
      { email: member.email, displayName: member.displayName, password: DEMO_PASSWORD },
      member.role,
      passwordHash,
    );
  }
}
