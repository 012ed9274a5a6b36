import { ApiProperty } from '@nestjs/swagger';
import { DemandMatchDto } from '@pilotlink/demand';

export class ResultMatchesDto {
  @ApiProperty({ format: 'uuid' }) resultId: string;
  @ApiProperty({ description: 'Services found fitting (before the limit)' }) total: number;
  @ApiProperty({
    type: [DemandMatchDto],
    description:
      'Ranked services with the reasons: the result’s terms found (only text you may see), field, target ' +
      'stage, verification categories, budget (only when you see the result in full)',
  })
  items: DemandMatchDto[];
}
