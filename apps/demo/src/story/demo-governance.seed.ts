import { Injectable, Logger } from '@nestjs/common';
import { RecognisedLevel } from '@pilotlink/governance';
import { PlatformRecognition } from '@pilotlink/governance/recognition/platform-recognition.entity';
import { StoryKit } from './story-kit.service';

const TEXTILE_PLATFORM = '高端绿色功能性纺织面料中试服务平台';
const GRAPHENE_PLATFORM = '石墨烯改性新材料中试服务平台';
const FUZHOU_PLATFORM = '福州新型储能电池中试服务平台';
const GUANGZHOU_PLATFORM = '广州生物医药综合型中试验证平台';
const LEATHER_PLATFORM = '新型表面微结构功能皮革材料中试服务平台';

const QUANZHOU_BUREAU = 'bureau.quanzhou@demo.pilotlink.cn';
const JINJIANG_BUREAU = 'bureau@demo.pilotlink.cn';
const PROVINCE_BUREAU = 'bureau.fujian@demo.pilotlink.cn';
const ADMIN = 'admin@demo.pilotlink.cn';
const W = 10_000 * 100; // ¥10,000 in fen

/**
 * The bureau side of the year (SPEC §7): recognitions granted at CITY (泉州), PROVINCE (福建省科技厅) and
 * NATIONAL (recorded by the operator of PilotLink), one rejected and two waiting; last year's evaluation
 * downgrading a platform; the textile platform's equipment and revenue declarations, accepted, and its
 * subsidy assessment under the Jinjiang rules. Idempotent: runs once, when no recognition exists yet.
 */
@Injectable()
export class DemoGovernanceSeed {
  private readonly logger = new Logger(DemoGovernanceSeed.name);

  constructor(private readonly kit: StoryKit) {}

  async run(): Promise<{ created: number }> {
    if ((await this.kit.dataSource.manager.count(PlatformRecognition)) > 0) return { created: 0 };
    const k = this.kit;
    const lastYear = Number(k.date(0).slice(0, 4)) - 1;

    // CITY, granted by 泉州 some months ago; it lapses in three weeks (a qualification about to expire).
    await this.recognise('platform.graphene@demo.pilotlink.cn', GRAPHENE_PLATFORM, 'CITY', -200, {
      by: QUANZHOU_BUREAU,
      day: -190,
      validUntilIn: 21,
    });
    // Rejected, then PROVINCE granted by the province.
    await this.recognise('platform@demo.pilotlink.cn', TEXTILE_PLATFORM, 'PROVINCE', -150, {
      by: PROVINCE_BUREAU,
      day: -140,
      reject: '佐证材料不足：缺少年度服务收入审计报告',
    });
    await this.recognise('platform@demo.pilotlink.cn', TEXTILE_PLATFORM, 'PROVINCE', -100, {
      by: PROVINCE_BUREAU,
      day: -90,
      validUntilIn: 3 * 365,
    });
    // NATIONAL: granted by a ministry outside PilotLink, recorded by the operator.
    await this.recognise('platform.fuzhou@demo.pilotlink.cn', FUZHOU_PLATFORM, 'NATIONAL', -60, {
      by: ADMIN,
      day: -55,
      validUntilIn: 3 * 365,
    });
    // Waiting: the graphene platform asks the province for more, a 广州 platform asks its city.
    await this.recognise('platform.graphene@demo.pilotlink.cn', GRAPHENE_PLATFORM, 'PROVINCE', -4, null);
    await this.recognise('platform.guangzhou@demo.pilotlink.cn', GUANGZHOU_PLATFORM, 'CITY', -3, null);

    // Last year's evaluation: too few SMEs served, the leather platform drops from CITY to NONE.
    k.at(-45);
    await k.evaluations.record(await k.as(QUANZHOU_BUREAU), await k.platformId(LEATHER_PLATFORM), {
      year: lastYear,
      grade: 'FAIL',
      outcome: 'DOWNGRADE',
      remarks: '年度服务企业数量不足，外部用户占比偏低，按评价办法降级。',
    });

    // The textile platform declares last year's equipment and 服务性收入; 晋江 accepts and assesses.
    const operator = await k.as('platform@demo.pilotlink.cn');
    const textile = await k.platformId(TEXTILE_PLATFORM);
    k.at(-75);
    await k.subsidies.declareEquipment(operator, textile, lastYear, {
      nonFiscalEquipmentFen: 420 * W,
      newEquipmentFen: 180 * W,
      evidence: '设备采购合同 6 份、发票 11 张（附件编号 EQ-01…11）',
    });
    await k.revenue.declare(operator, textile, lastYear, {
      serviceRevenueFen: 310 * W,
      evidence: '年度审计报告第 8 页；技术服务合同 42 份',
    });
    k.at(-70);
    const bureau = await k.as(JINJIANG_BUREAU);
    await k.revenue.decide(bureau, textile, lastYear, { decision: 'ACCEPT', note: '与审计报告一致' });
    k.at(-68);
    await k.subsidies.assess(bureau, textile, lastYear);
    this.logger.log('demo governance: recognitions, an evaluation, declarations and an assessment');
    return { created: 12 };
  }

  private async recognise(
    operatorEmail: string,
    platformName: string,
    level: RecognisedLevel,
    day: number,
    decision: { by: string; day: number; validUntilIn?: number; reject?: string } | null,
  ): Promise<void> {
    const k = this.kit;
    k.at(day);
    const applied = await k.recognitions.apply(await k.as(operatorEmail), await k.platformId(platformName), {
      level,
      evidence: '近三年服务企业 120 余家，中试服务收入逐年增长；具备 CNAS 认可实验室。',
    });
    if (!decision) return;
    k.at(decision.day);
    const decider = await k.as(decision.by);
    if (decision.reject) await k.recognitions.reject(decider, applied.id, { reason: decision.reject });
    else await k.recognitions.approve(decider, applied.id, { validUntil: k.date(decision.validUntilIn!) });
  }
}
