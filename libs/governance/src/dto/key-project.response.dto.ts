import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_PROJECT_STAGES, KEY_PROJECT_STATUSES, KEY_PROJECT_SUBJECTS } from '../domain/key-project';
import type { KeyProjectStage, KeyProjectStatus, KeyProjectSubjectType } from '../domain/key-project';

export class KeyProjectOfficerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '王专员' }) displayName: string;
}

export class KeyProjectMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: KEY_PROJECT_STAGES }) stage: KeyProjectStage;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-06-30' }) dueOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-06-20' }) doneOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'Due before today (China) and not done' }) overdue: boolean;
}

export class KeyProjectResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: KEY_PROJECT_SUBJECTS }) subjectType: KeyProjectSubjectType;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ description: "The subject's title when it was marked" }) subjectTitle: string;
  @ApiProperty({ enum: KEY_PROJECT_STAGES }) stage: KeyProjectStage;
  @ApiProperty({ enum: KEY_PROJECT_STATUSES }) status: KeyProjectStatus;
  @ApiProperty({ type: KeyProjectOfficerDto }) officer: KeyProjectOfficerDto;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closeReason: string | null;
  @ApiProperty({ type: [KeyProjectMilestoneDto], description: 'By due date' }) milestones: KeyProjectMilestoneDto[];
  @ApiProperty() overdueCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class KeyProjectColumnDto {
  @ApiProperty({ enum: KEY_PROJECT_STAGES }) stage: KeyProjectStage;
  @ApiProperty({ type: [KeyProjectResponseDto] }) items: KeyProjectResponseDto[];
}

export class KeyProjectBoardDto {
  @ApiProperty({ type: [KeyProjectColumnDto], description: 'Every stage in order, empty ones too' })
  columns: KeyProjectColumnDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Overdue milestones on the board' }) overdueCount: number;
  @ApiProperty({ example: '2026-03-10', description: 'The date (China) overdue was judged against' }) today: string;
}

/** What a party sees of a key project on its object: who tracks it and the stage, nothing of the notes. */
export class KeyProjectTrackingDto {
  @ApiProperty({ example: '广州市发展和改革委员会' }) bureauName: string;
  @ApiProperty({ example: '王专员' }) officerName: string;
  @ApiProperty({ enum: KEY_PROJECT_STAGES }) stage: KeyProjectStage;
  @ApiProperty({ description: 'When it was marked' }) since: Date;
}

export class KeyProjectTrackingListDto {
  @ApiProperty({
    type: [KeyProjectTrackingDto],
    description: 'Active key projects on this object (empty: not tracked)',
  })
  items: KeyProjectTrackingDto[];
}

export class KeyProjectCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Already an active key project of yours' }) tracked: boolean;
}

export class KeyProjectCandidateListDto {
  @ApiProperty({ type: [KeyProjectCandidateDto], description: 'At most 20, newest first' })
  items: KeyProjectCandidateDto[];
}
