import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('industry_fields')
export class IndustryField {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode: string | null;

  @Column({ type: 'integer' })
  position: number;
}
