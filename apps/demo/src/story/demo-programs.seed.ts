import { Injectable, Logger } from '@nestjs/common';
import { parseFen } from '@pilotlink/core';
import { CreateProgramDto } from '@pilotlink/voucher';
import { VoucherProgram } from '@pilotlink/voucher/entities/voucher-program.entity';
import { walkOrder, WalkedOrder } from './order-steps';
import { StoryKit } from './story-kit.service';

export const JINJIANG_PROGRAM = '泉州–晋江中试服务券（演示）';
export const FUZHOU_PROGRAM = '福州市科技创新券·平台服务（演示）';
export const GUANGZHOU_PROGRAM = '广州市中试服务券（演示）';

const TEXTILE = 'platform@demo.pilotlink.cn';
const GRAPHENE = 'platform.graphene@demo.pilotlink.cn';
const FUZHOU_ENERGY = 'platform.fuzhou@demo.pilotlink.cn';
const GUANGZHOU_BIO = 'platform.guangzhou@demo.pilotlink.cn';
const SME = 'sme@demo.pilotlink.cn';
const SME_JJ2 = 'sme.jinjiang2@demo.pilotlink.cn';
const SME_QZ = 'sme.quanzhou@demo.pilotlink.cn';

const review = (quality: number, comment: string) => ({ quality, timeliness: quality, communication: 5, comment });

/**
 * The three programs of the seeds, a year of them (issue 19): the 泉州–晋江 1:1 co-funded 中试服务券
 * (REIMBURSE, the Jinjiang tiers: the first ¥10,000 in full, half of the rest), the 福州 科技创新券 for
 * platform services (REIMBURSE, half) and the 广州 中试服务券 as a share of the contract (DEDUCT 通兑, 30 %).
 * Applications in every state, vouchers (one expired, one about to), holds, and claims in every state:
 * filed, approved in 公示 (ending tomorrow), under objection, paid in a batch, paid one by one, rejected;
 * a spot check on a sampled claim. Idempotent: the story runs once, when the 晋江 program is missing.
 */
@Injectable()
export class DemoProgramsSeed {
  private readonly logger = new Logger(DemoProgramsSeed.name);

  constructor(private readonly kit: StoryKit) {}

  async run(): Promise<{ created: number }> {
    if (await this.kit.dataSource.manager.existsBy(VoucherProgram, { name: JINJIANG_PROGRAM })) return { created: 0 };
    const jinjiang = await this.jinjiang();
    const fuzhou = await this.fuzhou();
    const guangzhou = await this.guangzhou();
    // Real time again: vouchers whose validity ended (the first 晋江 voucher) expire as the nightly job would.
    this.kit.restore();
    await this.kit.voucherExpiry.expireDue();
    const created = jinjiang + fuzhou + guangzhou;
    this.logger.log(`demo programs: ${created} steps`);
    return { created };
  }

  private async openProgram(bureauEmail: string, day: number, input: Partial<CreateProgramDto>): Promise<string> {
    const bureau = await this.kit.as(bureauEmail);
    this.kit.at(day);
    const program = await this.kit.programs.create(bureau, {
      year: Number(this.kit.date(0).slice(0, 4)),
      applyFrom: this.kit.date(day),
      applyUntil: this.kit.date(120),
      validityDays: 365,
      noticeDays: 7,
      excludedPurposes: ['STATUTORY_TESTING'],
      redemptionMode: 'REIMBURSE',
      ...input,
    } as CreateProgramDto);
    await this.kit.programs.transition(bureau, program.id, 'OPEN');
    return program.id;
  }

  /** Apply on `day`, approve the next day: the voucher's id. */
  private async voucher(sme: string, bureau: string, programId: string, day: number, amountFen: number) {
    this.kit.at(day);
    const application = await this.kit.applications.apply(await this.kit.as(sme), programId, {
      amountFen,
      purpose: '新产品中试放大、性能检测与小批量试制',
    });
    this.kit.at(day + 1);
    const approved = await this.kit.applications.approve(await this.kit.as(bureau), application.id, {});
    return approved.voucherId!;
  }

  private async fileClaim(who: string, walked: WalkedOrder, day: number): Promise<string> {
    this.kit.at(day);
    const { order } = walked;
    const claim = await this.kit.claims.file(await this.kit.as(who), {
      orderId: order.id,
      contractNumber: order.contractNumber,
      invoiceNumber: `3500${order.contractNumber.replace(/\D/g, '').slice(-10).padStart(10, '0')}`,
      invoiceAmountFen: parseFen(order.agreedAmountFen),
      paymentReference: `转账-${order.contractNumber}`,
      acceptanceFileId: walked.deliverableId ?? undefined,
    });
    return claim.id;
  }

  private async approveClaim(bureau: string, claimId: string, day: number): Promise<void> {
    this.kit.at(day);
    await this.kit.claims.approve(await this.kit.as(bureau), claimId);
  }

  private async jinjiang(): Promise<number> {
    const bureau = 'bureau@demo.pilotlink.cn';
    const k = this.kit;
    const programId = await this.openProgram(bureau, -410, {
      kind: 'PILOT_SERVICE',
      name: JINJIANG_PROGRAM,
      rule: {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 1_000_000, ratioBp: 10_000 },
          { uptoFen: null, ratioBp: 5_000 },
        ],
      },
      maxVoucherFen: 10_000_000,
      capPerSmeYearFen: 20_000_000,
      capPerPlatformYearFen: 300_000_000,
      smeRegionCodes: ['350500'],
      cofunders: [
        { key: 'quanzhou', name: '泉州市科学技术局', shareBp: 5_000 },
        { key: 'jinjiang', name: '晋江市科学技术局', shareBp: 5_000 },
      ],
      budgetFen: 500_000_000,
    } as Partial<CreateProgramDto>);
    const sampling = await k.serviceId('功能性面料小样打样与工艺开发');
    const dyeing = await k.serviceId('低水耗无水染色工艺中试验证');
    const smallBatch = await k.serviceId('功能面料小批量试生产');
    const eva = await k.serviceId('石墨烯改性EVA鞋材配方开发');

    // The demo SME's first voucher (last year) was never used and has expired.
    await this.voucher(SME, bureau, programId, -400, 2_000_000);
    // 晋江's second SME: its voucher runs out in about two weeks.
    const jj2Voucher = await this.voucher(SME_JJ2, bureau, programId, -352, 5_000_000);
    // An application turned down, one withdrawn.
    k.at(-300);
    const turnedDown = await k.applications.apply(await k.as('team.jinjiang@demo.pilotlink.cn'), programId, {
      amountFen: 3_000_000,
      purpose: '石墨烯鞋材样品试制',
    });
    k.at(-296);
    await k.applications.reject(await k.as(bureau), turnedDown.id, {
      reason: '申请材料不全：缺少项目实施方案和团队成员名单',
    });
    const qzVoucher = await this.voucher(SME_QZ, bureau, programId, -210, 5_000_000);
    k.at(-200);
    const withdrawn = await k.applications.apply(await k.as(SME), programId, {
      amountFen: 10_000_000,
      purpose: '超临界发泡鞋材中试',
    });
    k.at(-199);
    await k.applications.withdraw(await k.as(SME), withdrawn.id);
    const smeVoucher = await this.voucher(SME, bureau, programId, -160, 10_000_000);

    // Rejected: the invoice did not match the contract.
    const rejectedOrder = await walkOrder(k, {
      sme: SME_QZ,
      platform: TEXTILE,
      serviceId: sampling,
      day: -180,
      until: 'COMPLETED',
      voucherId: qzVoucher,
      review: review(4, '打样及时，工艺单清楚。'),
    });
    const rejected = await this.fileClaim(SME_QZ, rejectedOrder, -165);
    k.at(-160);
    await k.claims.reject(await k.as(bureau), rejected, { reason: '发票抬头与合同主体不一致，请更正后重新申请' });

    // Two claims paid together in a batch by the bureau's payer (maker-checker), after their 公示.
    const paid1 = await walkOrder(k, {
      sme: SME,
      platform: TEXTILE,
      serviceId: dyeing,
      quantity: 2,
      day: -150,
      until: 'COMPLETED',
      voucherId: smeVoucher,
      review: review(5, '无水染色工艺放大效果超出预期，色牢度达到 4 级。'),
    });
    const paid2 = await walkOrder(k, {
      sme: SME_JJ2,
      platform: TEXTILE,
      serviceId: sampling,
      day: -140,
      until: 'COMPLETED',
      voucherId: jj2Voucher,
      review: review(4, '沟通顺畅，交付准时。'),
    });
    const paidClaims = [await this.fileClaim(SME, paid1, -136), await this.fileClaim(SME_JJ2, paid2, -126)];
    await this.approveClaim(bureau, paidClaims[0], -130);
    await this.approveClaim(bureau, paidClaims[1], -125);
    k.at(-100);
    await k.disbursements.createBatch(await k.as('payer@demo.pilotlink.cn'), {
      programId,
      claimIds: paidClaims,
      reference: `泉财拨〔${k.date(-100).slice(0, 4)}〕18号`,
    });

    // Approved six days ago: its 公示 ends tomorrow.
    const inNotice = await walkOrder(k, {
      sme: SME,
      platform: GRAPHENE,
      serviceId: eva,
      day: -30,
      until: 'COMPLETED',
      voucherId: smeVoucher,
      review: review(5, 'EVA 配方回弹率提升明显，已进入量产评估。'),
    });
    await this.approveClaim(bureau, await this.fileClaim(SME, inNotice, -15), -6);

    // Approved, then someone objected during the 公示 (异议): the bureau must decide.
    const objected = await walkOrder(k, {
      sme: SME_QZ,
      platform: TEXTILE,
      serviceId: sampling,
      day: -25,
      until: 'COMPLETED',
      voucherId: qzVoucher,
      review: review(3, '交付略有延迟。'),
    });
    const objectedClaim = await this.fileClaim(SME_QZ, objected, -10);
    await this.approveClaim(bureau, objectedClaim, -4);
    k.at(-3);
    await k.objections.lodge(objectedClaim, {
      contact: '139 0595 0000',
      reason: '该企业与平台存在人员交叉任职，疑似关联交易，请核查。',
    });

    // Filed two days ago, waiting for the reviewer.
    const waiting = await walkOrder(k, {
      sme: SME_JJ2,
      platform: TEXTILE,
      serviceId: sampling,
      day: -20,
      until: 'COMPLETED',
      voucherId: jj2Voucher,
    });
    await this.fileClaim(SME_JJ2, waiting, -2);

    // Work in progress with a voucher held on it; a new application waiting for the bureau.
    await walkOrder(k, {
      sme: SME,
      platform: TEXTILE,
      serviceId: smallBatch,
      day: -9,
      until: 'IN_PROGRESS',
      voucherId: smeVoucher,
    });
    k.at(-1);
    await k.applications.apply(await k.as(SME_QZ), programId, {
      amountFen: 8_000_000,
      purpose: '电机驱动器样机中试验证',
    });
    return 30;
  }

  private async fuzhou(): Promise<number> {
    const bureau = 'bureau.fuzhou@demo.pilotlink.cn';
    const k = this.kit;
    const programId = await this.openProgram(bureau, -260, {
      kind: 'INNOVATION',
      name: FUZHOU_PROGRAM,
      rule: { kind: 'RATIO', ratioBp: 5_000 },
      maxVoucherFen: 5_000_000,
      smeRegionCodes: ['350100'],
      cofunders: [{ key: 'fuzhou', name: '福州市科学技术局', shareBp: 10_000 }],
      noticeDays: 5,
      makerChecker: false,
      budgetFen: 200_000_000,
    } as Partial<CreateProgramDto>);
    const voucherId = await this.voucher('sme.fuzhou@demo.pilotlink.cn', bureau, programId, -240, 5_000_000);
    const cycle = await walkOrder(k, {
      sme: 'sme.fuzhou@demo.pilotlink.cn',
      platform: FUZHOU_ENERGY,
      serviceId: await k.serviceId('电芯循环寿命测试'),
      quantity: 4,
      day: -220,
      until: 'COMPLETED',
      voucherId,
      review: review(5, '循环数据完整，报告规范。'),
    });
    const paid = await this.fileClaim('sme.fuzhou@demo.pilotlink.cn', cycle, -205);
    await this.approveClaim(bureau, paid, -204);
    k.at(-195);
    await k.disbursements.payOne(await k.as(bureau), paid);
    const cathode = await walkOrder(k, {
      sme: 'sme.fuzhou@demo.pilotlink.cn',
      platform: FUZHOU_ENERGY,
      serviceId: await k.serviceId('正极材料公斤级放大合成'),
      day: -40,
      until: 'COMPLETED',
      voucherId,
      review: review(4, '公斤级样品一致性好。'),
    });
    await this.fileClaim('sme.fuzhou@demo.pilotlink.cn', cathode, -26);
    // The start-up team: turned down once, applied again.
    const team = 'team.fuzhou@demo.pilotlink.cn';
    k.at(-60);
    const first = await k.applications.apply(await k.as(team), programId, {
      amountFen: 3_000_000,
      purpose: '钠离子电池负极材料概念验证',
    });
    k.at(-58);
    await k.applications.reject(await k.as(bureau), first.id, { reason: '请补充技术负责人简历及项目可行性说明' });
    k.at(-5);
    await k.applications.apply(await k.as(team), programId, {
      amountFen: 3_000_000,
      purpose: '钠离子电池负极材料概念验证（补充材料后重新申请）',
    });
    return 12;
  }

  private async guangzhou(): Promise<number> {
    const bureau = 'bureau.guangzhou@demo.pilotlink.cn';
    const sme = 'sme.guangzhou@demo.pilotlink.cn';
    const k = this.kit;
    const programId = await this.openProgram(bureau, -150, {
      kind: 'PILOT_SERVICE',
      name: GUANGZHOU_PROGRAM,
      rule: { kind: 'RATIO', ratioBp: 3_000 },
      maxVoucherFen: 30_000_000,
      smeRegionCodes: ['440100'],
      redemptionMode: 'DEDUCT',
      cofunders: [{ key: 'guangzhou', name: '广州市发展和改革委员会', shareBp: 10_000 }],
      // Every approved claim is sampled here, so the demo always has a spot check to show.
      spotCheckBp: 10_000,
      makerChecker: false,
      budgetFen: 1_000_000_000,
    } as Partial<CreateProgramDto>);
    const voucherId = await this.voucher(sme, bureau, programId, -120, 10_000_000);
    const antibody = await walkOrder(k, {
      sme,
      platform: GUANGZHOU_BIO,
      serviceId: await k.serviceId('抗体纯化工艺开发'),
      day: -100,
      until: 'COMPLETED',
      voucherId,
      review: review(5, '纯化收率达标，技术团队专业。'),
    });
    // DEDUCT: the platform claims the share it did not charge the SME.
    const claimId = await this.fileClaim(GUANGZHOU_BIO, antibody, -85);
    await this.approveClaim(bureau, claimId, -84);
    k.at(-80);
    await k.spotChecks.record(await k.as(bureau), claimId, {
      result: 'PASS',
      note: '现场核查：纯化记录、设备使用记录与验收报告一致',
      evidence: '现场照片 4 张、批记录复印件',
    });
    k.at(-70);
    await k.disbursements.payOne(await k.as(bureau), claimId);
    k.at(-30);
    const second = await k.applications.apply(await k.as(sme), programId, {
      amountFen: 5_000_000,
      purpose: '细胞培养工艺放大',
    });
    k.at(-29);
    await k.applications.withdraw(await k.as(sme), second.id);
    return 10;
  }
}
