// One counter row per kind of numbered document (NC, CA, RC): numbers are gap-free and never reused.
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity()
export class DocumentCounter {
  @PrimaryKey({ type: 'text' })
  kind!: string;

  @Property({ type: 'int' })
  lastValue!: number;
}
