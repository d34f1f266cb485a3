// The defect-code catalogue: listed in full (it is short) and extended by quality engineers.
import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver, Authorized } from 'type-graphql';
import { Length, Matches } from 'class-validator';
import { AppError } from '@cmgraph/platform';
import type { Context } from '../context';
import { DefectCategory, DefectCode } from './defect-code.entity';

@InputType()
export class CreateDefectCodeInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,19}$/, { message: 'code must be 1–20 upper-case letters, digits or dashes' })
  code!: string;

  @Field()
  @Length(1, 200)
  description!: string;

  @Field(() => DefectCategory)
  category!: DefectCategory;
}

@Resolver(() => DefectCode)
export class DefectCodeResolver {
  @Query(() => [DefectCode], { description: 'Every defect code, by code.' })
  defectCodes(@Ctx() ctx: Context): Promise<DefectCode[]> {
    return ctx.em.find(DefectCode, {}, { orderBy: { code: 'asc' } });
  }

  @Authorized('QUALITY')
  @Mutation(() => DefectCode)
  async createDefectCode(@Arg('input') input: CreateDefectCodeInput, @Ctx() ctx: Context): Promise<DefectCode> {
    return ctx.em.transactional(async (em) => {
      if (await em.count(DefectCode, { code: input.code })) throw AppError.badInput('code', `defect code ${input.code} already exists`);
      const code = em.create(DefectCode, { ...input });
      em.persist(code);
      return code;
    });
  }
}
