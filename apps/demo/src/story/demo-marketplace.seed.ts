import { Injectable, Logger } from '@nestjs/common';
import { DemandsService, DemandStatus } from '@pilotlink/demand';
import { Demand } from '@pilotlink/demand/domain/demand.entity';
import { walkOrder } from './order-steps';
import { StoryKit } from './story-kit.service';

type CreateDemandDto = Parameters<DemandsService['create']>[1];

const TEXTILE = 'platform@demo.pilotlink.cn';
const GRAPHENE = 'platform.graphene@demo.pilotlink.cn';
const FUZHOU_ENERGY = 'platform.fuzhou@demo.pilotlink.cn';
const GUANGZHOU_BIO = 'platform.guangzhou@demo.pilotlink.cn';
const SME = 'sme@demo.pilotlink.cn';
const mail = (name: string) => `${name}@demo.pilotlink.cn`;

const TEXTILE_PLATFORM = '高端绿色功能性纺织面料中试服务平台';
const GRAPHENE_PLATFORM = '石墨烯改性新材料中试服务平台';
const FUZHOU_PLATFORM = '福州新型储能电池中试服务平台';
const GUANGZHOU_PLATFORM = '广州生物医药综合型中试验证平台';

/** The demand every later run looks for: when it exists, the marketplace story has been told. */
export const MARKETPLACE_MARKER = '超临界发泡EVA鞋中底中试放大';

interface DemoDemand extends Omit<CreateDemandDto, 'wantedBy' | 'challengeDeadline'> {
  sme: string;
  day: number;
  wantedIn?: number;
  deadlineIn?: number;
  status: DemandStatus;
}

const W = 10_000 * 100; // ¥10,000 in fen

/** One year of the marketplace (issue 19): demands in every state and confidentiality, quotes, orders, bookings. */
@Injectable()
export class DemoMarketplaceSeed {
  private readonly logger = new Logger(DemoMarketplaceSeed.name);

  constructor(private readonly kit: StoryKit) {}

  async run(): Promise<{ created: number }> {
    if (await this.kit.dataSource.manager.existsBy(Demand, { title: MARKETPLACE_MARKER })) return { created: 0 };
    const created = (await this.demands()) + (await this.orders()) + (await this.reservations());
    this.kit.restore();
    // Real time again: the demand whose date passed and the quote whose validity ran out expire, as the job does.
    await this.kit.demandExpiry.expireDue();
    this.logger.log(`demo marketplace: ${created} steps`);
    return { created };
  }

  private async demand(spec: DemoDemand): Promise<string> {
    const { sme, day, wantedIn, deadlineIn, status, ...terms } = spec;
    const ctx = await this.kit.as(sme);
    this.kit.at(day);
    const demand = await this.kit.demands.create(ctx, {
      ...terms,
      wantedBy: wantedIn === undefined ? undefined : this.kit.date(wantedIn),
      challengeDeadline: deadlineIn === undefined ? undefined : this.kit.date(deadlineIn),
    } as CreateDemandDto);
    if (status === 'DRAFT') return demand.id;
    if (status === 'CANCELLED') {
      await this.kit.demands.transition(ctx, demand.id, 'CANCELLED', '项目立项调整');
      return demand.id;
    }
    await this.kit.demands.transition(ctx, demand.id, 'OPEN');
    return demand.id;
  }

  private async quote(platformEmail: string, platformName: string, demandId: string, day: number, priceFen: number) {
    this.kit.at(day);
    return this.kit.quotes.submit(await this.kit.as(platformEmail), demandId, {
      platformId: await this.kit.platformId(platformName),
      priceFen,
      timelineDays: 30,
      scope: '中试方案设计、工艺放大试验 3 批次、性能检测及中试报告',
      validUntil: this.kit.date(day + 40),
    });
  }

  private async demands(): Promise<number> {
    const k = this.kit;
    const base = { budgetMinFen: 5 * W, budgetMaxFen: 15 * W, mode: 'OPEN' as const, status: 'OPEN' as const };
    // Open, visible to platforms: quotes in every live state.
    const eva = await this.demand({
      ...base,
      sme: SME,
      day: -12,
      wantedIn: 60,
      title: MARKETPLACE_MARKER,
      description: '超临界氮气发泡 EVA 中底，需完成配方验证与 3 批次中试放大，回弹率 ≥ 60%。',
      fieldCode: 'TEXTILE_SUPERCRITICAL_FOAM',
      stage: 'PILOT',
      categories: ['SCALE_UP'],
      confidentiality: 'PUBLIC',
    });
    await this.quote(TEXTILE, TEXTILE_PLATFORM, eva, -10, 12 * W);
    const revise = await this.quote(GRAPHENE, GRAPHENE_PLATFORM, eva, -9, 14 * W);
    k.at(-8);
    await k.quotes.revise(await k.as(SME), revise.id, { note: '请拆分配方开发与放大试验两部分报价' });

    const coating = await this.demand({
      ...base,
      sme: SME,
      day: -20,
      wantedIn: 45,
      budgetMinFen: 2 * W,
      budgetMaxFen: 5 * W,
      title: '石墨烯导热涂层鞋面面料性能检测',
      description: '涂层配方保密，需签署保密协议后查看全文。',
      fieldCode: 'MATERIALS_GRAPHENE',
      stage: 'LAB',
      categories: ['PERFORMANCE_TEST'],
      confidentiality: 'SUMMARY',
    });
    k.at(-18);
    await k.demands.acceptNda(await k.as(GRAPHENE), coating);
    await k.demands.acceptNda(await k.as(TEXTILE), coating);
    await this.quote(GRAPHENE, GRAPHENE_PLATFORM, coating, -17, 38_000 * 100);
    const withdrawn = await this.quote(TEXTILE, TEXTILE_PLATFORM, coating, -16, 45_000 * 100);
    k.at(-15);
    await k.quotes.withdraw(await k.as(TEXTILE), withdrawn.id);

    const nylon = await this.demand({
      ...base,
      sme: mail('sme.jinjiang2'),
      day: -40,
      wantedIn: 30,
      title: '再生锦纶纤维低浴比染色工艺验证',
      fieldCode: 'TEXTILE_DYEING',
      stage: 'PILOT',
      categories: ['PROCESS_IMPROVEMENT'],
      confidentiality: 'PUBLIC',
    });
    const declined = await this.quote(TEXTILE, TEXTILE_PLATFORM, nylon, -38, 18 * W);
    k.at(-35);
    await k.quotes.decline(await k.as(mail('sme.jinjiang2')), declined.id, {
      reason: 'PRICE_TOO_HIGH',
      comment: '预算有限，希望分两期实施',
    });

    for (const spec of [
      [
        'sme.quanzhou',
        '伺服电机驱动器小批量试产（500 台）',
        'EQUIPMENT_ROBOTICS',
        'SMALL_BATCH',
        'SMALL_BATCH',
        -6,
        90,
      ],
      ['sme.jiaxing', '碱性电解槽复合隔膜性能验证', 'ENERGY_HYDROGEN', 'LAB', 'PERFORMANCE_TEST', -5, 50],
      ['team.guangzhou', '多旋翼无人机飞控半实物仿真验证', 'LOW_ALTITUDE', 'CONCEPT', 'SIMULATION', -4, 40],
      ['team.jiaxing', '合成生物法香兰素发酵工艺概念验证', 'FUTURE_SYNBIO', 'CONCEPT', 'CONCEPT_VERIFICATION', -3, 70],
      ['team.quanzhou', '电机控制器 EMC 预测试', 'EQUIPMENT_SENSING', 'LAB', 'INSPECTION_TESTING', -2, 35],
    ] as const) {
      const [sme, title, fieldCode, stage, category, day, wantedIn] = spec;
      await this.demand({
        ...base,
        sme: mail(sme),
        day,
        wantedIn,
        title,
        fieldCode,
        stage,
        categories: [category],
        confidentiality: 'PUBLIC',
      });
    }
    const sodium = await this.demand({
      ...base,
      sme: mail('sme.fuzhou'),
      day: -14,
      wantedIn: 75,
      budgetMaxFen: 30 * W,
      title: '钠离子电池层状氧化物正极公斤级放大',
      fieldCode: 'ENERGY_CATHODE',
      stage: 'PILOT',
      categories: ['SCALE_UP'],
      confidentiality: 'PUBLIC',
    });
    await this.quote(FUZHOU_ENERGY, FUZHOU_PLATFORM, sodium, -11, 22 * W);
    const antibody = await this.demand({
      ...base,
      sme: mail('sme.guangzhou'),
      day: -13,
      wantedIn: 60,
      budgetMinFen: 30 * W,
      budgetMaxFen: 60 * W,
      title: '单抗药物细胞培养工艺放大（200 L）',
      description: '细胞株及培养基配方保密。',
      fieldCode: 'BIOMED_BIOLOGICS',
      stage: 'PILOT',
      categories: ['SCALE_UP'],
      confidentiality: 'SUMMARY',
    });
    k.at(-12);
    await k.demands.acceptNda(await k.as(GUANGZHOU_BIO), antibody);
    await this.quote(GUANGZHOU_BIO, GUANGZHOU_PLATFORM, antibody, -12, 48 * W);
    // PRIVATE: only the invited platform sees it.
    const secret = await this.demand({
      ...base,
      sme: SME,
      day: -7,
      wantedIn: 40,
      title: '新型轻量化鞋材配方保密中试',
      fieldCode: 'TEXTILE_SHOE_MATERIAL',
      stage: 'PILOT',
      categories: ['SAMPLE_MAKING'],
      confidentiality: 'PRIVATE',
    });
    await k.demands.invite(await k.as(SME), secret, await k.platformId(TEXTILE_PLATFORM));
    // 揭榜挂帅 (seeds/000: up to ¥5m): an open challenge with a reward and two proposals.
    const challenge = await this.demand({
      sme: SME,
      day: -15,
      status: 'OPEN',
      mode: 'CHALLENGE',
      rewardFen: 500_000 * 100,
      deadlineIn: 20,
      awardWindowDays: 30,
      budgetMinFen: 100 * W,
      budgetMaxFen: 300 * W,
      title: '揭榜挂帅：鞋服印染废液零排放工艺攻关',
      description: '面向晋江鞋服产业集群，攻关印染废液近零排放工艺并完成中试验证，揭榜奖励 50 万元。',
      fieldCode: 'TEXTILE_DYEING',
      stage: 'PILOT',
      categories: ['PROCESS_IMPROVEMENT', 'SCALE_UP'],
      confidentiality: 'PUBLIC',
    });
    await this.quote(TEXTILE, TEXTILE_PLATFORM, challenge, -10, 260 * W);
    await this.quote(GRAPHENE, GRAPHENE_PLATFORM, challenge, -6, 240 * W);

    // Not open: a draft, a cancelled one, one closed, one expired (with a quote that lapsed), one awarded.
    await this.demand({
      ...base,
      sme: SME,
      day: -1,
      status: 'DRAFT',
      wantedIn: 80,
      title: '智能温控鞋垫柔性传感织物打样',
      fieldCode: 'TEXTILE_FIBER',
      stage: 'LAB',
      categories: ['SAMPLE_MAKING'],
      confidentiality: 'PUBLIC',
    });
    await this.demand({
      ...base,
      sme: mail('sme.jiaxing'),
      day: -60,
      status: 'CANCELLED',
      title: '储氢瓶内胆材料疲劳测试',
      fieldCode: 'ENERGY_HYDROGEN',
      stage: 'LAB',
      categories: ['PERFORMANCE_TEST'],
      confidentiality: 'PUBLIC',
    });
    const closed = await this.demand({
      ...base,
      sme: mail('sme.quanzhou'),
      day: -120,
      wantedIn: -30,
      title: '永磁同步电机效率 MAP 测试',
      fieldCode: 'EQUIPMENT',
      stage: 'PILOT',
      categories: ['PERFORMANCE_TEST'],
      confidentiality: 'PUBLIC',
    });
    k.at(-90);
    await k.demands.transition(await k.as(mail('sme.quanzhou')), closed, 'CLOSED', '已在线下找到服务方');
    const expired = await this.demand({
      ...base,
      sme: mail('sme.fuzhou'),
      day: -80,
      wantedIn: -10,
      title: '高电压电解液配方验证',
      fieldCode: 'ENERGY_ELECTROLYTE',
      stage: 'LAB',
      categories: ['PERFORMANCE_TEST'],
      confidentiality: 'PUBLIC',
    });
    k.at(-70);
    await k.quotes.submit(await k.as(FUZHOU_ENERGY), expired, {
      platformId: await k.platformId(FUZHOU_PLATFORM),
      priceFen: 6 * W,
      timelineDays: 20,
      scope: '电解液配方筛选及电芯验证',
      validUntil: k.date(-40),
    });
    const awarded = await this.demand({
      ...base,
      sme: mail('sme.jinjiang2'),
      day: -200,
      wantedIn: -100,
      title: '运动面料吸湿速干性能提升中试',
      fieldCode: 'TEXTILE_FIBER',
      stage: 'PILOT',
      categories: ['PROCESS_IMPROVEMENT'],
      confidentiality: 'PUBLIC',
    });
    const winner = await this.quote(TEXTILE, TEXTILE_PLATFORM, awarded, -198, 9 * W);
    await this.quote(GRAPHENE, GRAPHENE_PLATFORM, awarded, -197, 11 * W);
    k.at(-195);
    const { orderId } = await k.quotes.accept(await k.as(mail('sme.jinjiang2')), winner.id);
    await walkOrder(k, {
      sme: mail('sme.jinjiang2'),
      platform: TEXTILE,
      orderId,
      day: -194,
      until: 'COMPLETED',
      review: { quality: 5, timeliness: 4, communication: 5, comment: '吸湿速干指标提升 30%，已批量应用。' },
    });
    return 40;
  }

  /** Orders in the states the programs' story does not reach. */
  private async orders(): Promise<number> {
    const k = this.kit;
    const sampling = await k.serviceId('功能性面料小样打样与工艺开发');
    const testing = await k.serviceId('功能性纺织品性能检测（吸湿速干、抗菌、防紫外）');
    const dyeing = await k.serviceId('低水耗无水染色工艺中试验证');
    const plans = [
      { sme: mail('sme.jiaxing'), platform: TEXTILE, serviceId: testing, quantity: 3, day: -1, until: 'REQUESTED' },
      { sme: mail('team.jinjiang'), platform: GRAPHENE, serviceId: 'raman', quantity: 5, day: -4, until: 'ACCEPTED' },
      { sme: mail('sme.quanzhou'), platform: TEXTILE, serviceId: sampling, day: -50, until: 'REJECTED' },
      { sme: SME, platform: GRAPHENE, serviceId: 'dispersion', day: -7, until: 'CONTRACTED' },
      { sme: mail('sme.jinjiang2'), platform: TEXTILE, serviceId: testing, quantity: 6, day: -14, until: 'DELIVERED' },
      { sme: SME, platform: TEXTILE, serviceId: dyeing, day: -70, until: 'CANCELLED' },
      { sme: mail('team.quanzhou'), platform: TEXTILE, serviceId: sampling, day: -16, until: 'DISPUTED' },
    ] as const;
    const raman = await k.serviceId('石墨烯材料表征（拉曼光谱、扫描电镜）');
    const dispersion = await k.serviceId('石墨烯分散液定制与公斤级放大');
    for (const plan of plans) {
      const serviceId =
        plan.serviceId === 'raman' ? raman : plan.serviceId === 'dispersion' ? dispersion : plan.serviceId;
      await walkOrder(k, { ...plan, serviceId });
    }
    return plans.length;
  }

  /** 电脑测色配色仪: a past booking used, a no-show, and bookings in the coming weeks. */
  private async reservations(): Promise<number> {
    const k = this.kit;
    const equipmentId = await k.equipmentId('电脑测色配色仪');
    const book = async (email: string, slotDay: number, bookedDay: number) => {
      const slot = this.weekdaySlot(slotDay);
      if (bookedDay < slotDay) k.at(bookedDay);
      else k.restore();
      const reservation = await k.reservations.create(await k.as(email), equipmentId, {
        startsAt: slot.start.toISOString(),
        endsAt: slot.end.toISOString(),
        purpose: '面料色差测试',
      });
      return { reservation, slot };
    };
    const platform = await k.as(TEXTILE);
    const used = await book(SME, -21, -25);
    k.atInstant(used.slot.start);
    await k.reservations.checkIn(platform, used.reservation.id);
    k.atInstant(used.slot.end);
    await k.reservations.complete(platform, used.reservation.id, { actualMinutes: 115 });
    const missed = await book(mail('sme.jinjiang2'), -9, -12);
    k.atInstant(new Date(missed.slot.start.getTime() + 3_600_000));
    await k.reservations.noShow(platform, missed.reservation.id);
    k.restore();
    await book(SME, 3, 0);
    await book(mail('team.jinjiang'), 8, 0);
    await book(mail('sme.jinjiang2'), 15, 0);
    return 5;
  }

  /** 10:00–12:00 Beijing time on the first weekday on or after `days` from today. */
  private weekdaySlot(days: number): { start: Date; end: Date } {
    for (let d = days; ; d += 1) {
      const date = this.kit.date(d);
      const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      return { start: new Date(`${date}T10:00:00+08:00`), end: new Date(`${date}T12:00:00+08:00`) };
    }
  }
}
