import { Injectable, Logger } from '@nestjs/common';
import { ResultProposalsService } from '@pilotlink/research';
import { StoryKit } from './story-kit.service';

/** 石墨烯平台 proposes a pilot of 泉州天津大学研究院's graphene shoe-sole result; the institute accepts it. */
const DEMO_PILOT = {
  result: '石墨烯改性鞋底材料',
  institute: 'institute.tju@demo.pilotlink.cn',
  platformLogin: 'platform.graphene@demo.pilotlink.cn',
  platform: '石墨烯改性新材料中试服务平台',
};

/**
 * From result to pilot in the demo, through ResultProposalsService like the portal: a proposal with its IP
 * terms, accepted into an order with the institute as the buyer (the result goes IN_PILOT). After the
 * research seed (the result must exist). Idempotent: a result that has a proposal is left alone.
 */
@Injectable()
export class DemoResearchPilotSeed {
  private readonly logger = new Logger(DemoResearchPilotSeed.name);

  constructor(
    private readonly kit: StoryKit,
    private readonly proposals: ResultProposalsService,
  ) {}

  async run(): Promise<{ created: number }> {
    const [result] = await this.kit.dataSource.query<{ id: string; status: string; proposals: number }[]>(
      `SELECT r.id, r.status, (SELECT count(*)::int FROM research_result_proposals p WHERE p.result_id = r.id) AS proposals
         FROM research_results r WHERE r.title = $1`,
      [DEMO_PILOT.result],
    );
    if (!result || result.status !== 'PUBLISHED' || result.proposals > 0) {
      if (!result) this.logger.warn(`demo pilot skipped: "${DEMO_PILOT.result}" is not there`);
      return { created: 0 };
    }
    const platform = await this.kit.as(DEMO_PILOT.platformLogin);
    const proposal = await this.proposals.submit(platform, result.id, {
      platformId: await this.kit.platformId(DEMO_PILOT.platform),
      priceFen: 36_000_000,
      timelineDays: 90,
      scope: '石墨烯改性 EVA 鞋底 3 批次中试放大，耐磨、抑菌与回弹性能检测报告',
      validUntil: this.kit.date(30),
      ipOwnership: 'SHARED',
      ipBuyerShareBp: 6000,
      benefitSharingNote: '谁投入谁获益：中试形成的工艺改进成果按投入比例共享',
    });
    await this.proposals.accept(await this.kit.as(DEMO_PILOT.institute), proposal.id, {});
    return { created: 2 };
  }
}
