// Inputs and filters for certifications.
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { CertificationStandard } from './certification.entity';

@InputType()
export class AddCertificationInput {
  @Field(() => ID)
  supplierId!: string;

  @Field(() => ID, { nullable: true, description: 'When the certificate covers one site only.' })
  facilityId?: string;

  @Field(() => CertificationStandard)
  standard!: CertificationStandard;

  @Field()
  @Length(1, 100)
  number!: string;

  @Field()
  @Length(1, 200)
  issuer!: string;

  @Field(() => LocalDateResolver)
  validFrom!: string;

  @Field(() => LocalDateResolver)
  validUntil!: string;
}

@InputType({ description: 'A renewed certificate: the same certificate valid for longer (a new audit cycle).' })
export class RenewCertificationInput {
  @Field(() => ID)
  certificationId!: string;

  @Field(() => LocalDateResolver, { description: 'The new last day of validity; after the current one.' })
  validUntil!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Default: unchanged.' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'The renewed certificate\'s number, when the issuer printed a new one.' })
  @IsOptional()
  @Length(1, 100)
  number?: string | null;
}

@InputType()
export class CertificationFilter {
  @Field(() => ID, { nullable: true })
  supplierId?: string;

  @Field(() => [CertificationStandard], { nullable: true })
  standards?: CertificationStandard[];

  @Field(() => Int, { nullable: true, description: 'Valid today and expiring within this many days.' })
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;

  @Field({ nullable: true, description: 'Include certificates already expired (default: false).' })
  includeExpired?: boolean;
}
