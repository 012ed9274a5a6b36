import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { withTransaction } from '@pilotlink/database';
import { AuthService, PasswordService } from '@pilotlink/identity';
import { Org } from '@pilotlink/identity/domain/org.entity';
import { User } from '@pilotlink/identity/domain/user.entity';
import { OrgKind, UserRole } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { demoUscc } from './demo-uscc';

export const DEMO_PASSWORD = 'PilotLink-demo-2026';

export interface DemoOrg {
  kind: OrgKind;
  name: string;
  /** A start-up team (创业团队) has none: it is matched by its owner's email. */
  uscc?: string;
  isTeam?: boolean;
  teamLeaderName?: string;
  teamLeaderId?: string;
  regionCode: string;
  email: string;
  displayName: string;
  techSme?: boolean;
  size?: Org['size'];
}

/** A made-up 居民身份证号码 that passes the check (born 1990, serial 9xx marks demo data). */
function demoResidentId(region: string, serial: number): string {
  const body = `${region}19900101${String(900 + serial).padStart(3, '0')}`;
  const sum = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** SPEC §10 / issue 19: demo SMEs in each city, a 科技型中小企业 and a start-up team (创业团队) in each. */
const DEMO_SMES: DemoOrg[] = [
  [
    '晋江',
    '350582',
    '晋江市示范运动科技有限公司',
    'sme.jinjiang2',
    '许总',
    '晋江石墨烯鞋材创业团队',
    'team.jinjiang',
    '黄志强',
  ],
  [
    '泉州',
    '350503',
    '泉州市示范智能装备有限公司',
    'sme.quanzhou',
    '吴工',
    '泉州电机驱动创客团队',
    'team.quanzhou',
    '郑海峰',
  ],
  [
    '福州',
    '350102',
    '福州市示范储能材料科技有限公司',
    'sme.fuzhou',
    '林博士',
    '福州钠电池青年创业团队',
    'team.fuzhou',
    '陈一鸣',
  ],
  [
    '广州',
    '440106',
    '广州市示范生物医药科技有限公司',
    'sme.guangzhou',
    '梁经理',
    '广州低空无人机创业团队',
    'team.guangzhou',
    '何俊',
  ],
  [
    '嘉兴',
    '330402',
    '嘉兴市示范氢能装备有限公司',
    'sme.jiaxing',
    '沈总',
    '嘉兴合成生物创业团队',
    'team.jiaxing',
    '徐静',
  ],
].flatMap(([, region, company, companyMail, contact, team, teamMail, leader], i) => [
  {
    kind: 'SME' as const,
    name: company,
    uscc: demoUscc('91', region, 111 + i),
    regionCode: region,
    email: `${companyMail}@demo.pilotlink.cn`,
    displayName: contact,
    techSme: true,
    size: 'SMALL' as const,
  },
  {
    kind: 'SME' as const,
    name: team,
    isTeam: true,
    teamLeaderName: leader,
    teamLeaderId: demoResidentId(region, i),
    regionCode: region,
    email: `${teamMail}@demo.pilotlink.cn`,
    displayName: leader,
    size: 'MICRO' as const,
  },
]);

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
    // The province grants PROVINCE recognition (SPEC §7) over every Fujian city.
    kind: 'BUREAU',
    name: '福建省科学技术厅',
    uscc: demoUscc('11', '350000', 7),
    regionCode: '350000',
    email: 'bureau.fujian@demo.pilotlink.cn',
    displayName: '福建省科技厅 审核员',
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
  ...DEMO_SMES,
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
  {
    kind: 'INSTITUTE',
    name: '泉州天津大学研究院',
    uscc: demoUscc('12', '350500', 303),
    regionCode: '350500',
    email: 'institute.tju@demo.pilotlink.cn',
    displayName: '成果转化部 陈老师',
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

export interface DemoLogin {
  role: string;
  org: string;
  email: string;
  password: string;
  /** One line on what to try first (the demo story puts work there). */
  tryFirst: string;
}

export interface SeedResult {
  created: number;
  logins: DemoLogin[];
}

/** The logins `npm start` prints, one per role, each with where the story left work for it. */
const LOGIN_GUIDE: { role: string; email: string; org?: string; tryFirst: string }[] = [
  {
    role: 'SME',
    email: 'sme@demo.pilotlink.cn',
    tryFirst: '我的需求: the open 揭榜挂帅 challenge has two proposals; 服务券: a voucher held on an order in progress',
  },
  {
    role: 'SME (start-up team)',
    email: 'team.jinjiang@demo.pilotlink.cn',
    tryFirst: '订单: an accepted order waiting for the contract; 服务券: the rejected application and its reason',
  },
  {
    role: 'Platform operator',
    email: 'platform@demo.pilotlink.cn',
    tryFirst: '需求大厅: open demands to quote (one PRIVATE invitation); 订单: a disputed delivery to rework',
  },
  {
    role: 'Bureau (晋江)',
    email: 'bureau@demo.pilotlink.cn',
    tryFirst: '报销审核: a filed claim to decide and one under objection (异议); 公示 of another ends tomorrow',
  },
  {
    role: 'Bureau payer',
    email: 'payer@demo.pilotlink.cn',
    tryFirst: '拨付: the paid batch 泉财拨…18号; approved claims are paid here once their 公示 is over',
  },
  {
    role: 'Bureau (福建省)',
    email: 'bureau.fujian@demo.pilotlink.cn',
    tryFirst:
      '平台认定: the graphene platform waits for your PROVINCE decision; the textile one was granted after a rejection',
  },
  {
    role: 'Bureau (广州)',
    email: 'bureau.guangzhou@demo.pilotlink.cn',
    tryFirst: '广州市中试服务券 (DEDUCT 通兑): a paid claim with its spot check; 平台认定: a CITY application waits',
  },
  {
    role: 'Institute',
    email: 'institute@demo.pilotlink.cn',
    tryFirst: '科技成果: results seeking a pilot, one SUMMARY behind an NDA; 政策资讯: the five policy documents',
  },
  {
    role: 'Admin',
    email: 'admin@demo.pilotlink.cn',
    tryFirst:
      '报表: a year of programs, orders and platforms; 平台认定: NATIONAL is recorded here; 审计日志: every step',
  },
];

function demoLogins(): DemoLogin[] {
  const orgOf = (email: string) =>
    DEMO_ORGS.find((o) => o.email === email)?.name ??
    DEMO_ORGS.find((o) => o.email === DEMO_MEMBERS.find((m) => m.email === email)?.orgEmail)?.name ??
    '';
  return LOGIN_GUIDE.map((l) => ({
    role: l.role,
    org: orgOf(l.email),
    email: l.email,
    password: DEMO_PASSWORD,
    tryFirst: l.tryFirst,
  }));
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
    return { created, logins: demoLogins() };
  }

  private async ensureOrg(
    manager: EntityManager,
    demo: DemoOrg,
    verifierId: string | null,
    onCreate: () => void,
  ): Promise<Org> {
    const existing = demo.uscc
      ? await manager.findOneBy(Org, { uscc: demo.uscc })
      : await this.orgOfUser(manager, demo.email);
    if (existing) return existing;
    onCreate();
    const org = await this.auth.insertOrg(
      manager,
      {
        kind: demo.kind,
        name: demo.name,
        uscc: demo.uscc,
        isTeam: demo.isTeam,
        teamLeaderName: demo.teamLeaderName,
        teamLeaderId: demo.teamLeaderId,
        regionCode: demo.regionCode,
        techSme: demo.techSme,
        size: demo.size ?? undefined,
      },
      { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: verifierId },
    );
    if (!verifierId) await manager.update(Org, { id: org.id }, { verifiedByOrgId: org.id });
    return org;
  }

  private async orgOfUser(manager: EntityManager, email: string): Promise<Org | null> {
    const user = await manager.findOneBy(User, { email });
    return user ? manager.findOneBy(Org, { id: user.orgId }) : null;
  }

  private async ensureOwner(
    manager: EntityManager,
    demo: DemoOrg,
    passwordHash: string,
    onCreate: () => void,
  ): Promise<void> {
    if (await manager.existsBy(User, { email: demo.email })) return;
    const org = demo.uscc
      ? await manager.findOneByOrFail(Org, { uscc: demo.uscc })
      : await manager.findOneByOrFail(Org, { name: demo.name, isTeam: true });
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
