// Inputs of the data room: uploading and sharing documents, and filtering the access log.
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Length, Max, Min } from 'class-validator';
import { DataRoomAccessAction, DataRoomClassification, DataRoomDocumentKind } from './data-room.enums';
import { MAX_DOCUMENT_BYTES } from './data-room.content';

@InputType()
export class UploadDataRoomDocumentInput {
  @Field() @Length(1, 200) title!: string;
  @Field(() => DataRoomDocumentKind) kind!: DataRoomDocumentKind;
  @Field(() => DataRoomClassification) classification!: DataRoomClassification;
  @Field(() => ID, { nullable: true, description: 'A product of inventory; it must exist.' }) productId?: string | null;
  @Field({ description: 'A file name, not a path.' }) fileName!: string;
  @Field({ description: 'application/pdf, text/csv or text/plain; anything else is refused.' }) contentType!: string;
  @Field({ description: `The file, base64 (line breaks allowed); at most ${MAX_DOCUMENT_BYTES} bytes once decoded. A PDF must not be encrypted, text must be UTF-8.` })
  contentBase64!: string;
}

@InputType()
export class ShareDataRoomDocumentInput {
  @Field(() => ID) documentId!: string;
  @Field(() => ID) supplierId!: string;
  @Field({ description: 'When the supplier loses access; must be in the future.' }) expiresAt!: Date;
}

@InputType()
export class DataRoomAccessFilter {
  @Field(() => ID, { nullable: true }) documentId?: string | null;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
  @Field(() => [DataRoomAccessAction], { nullable: true }) actions?: DataRoomAccessAction[] | null;
  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Entries before this time.' }) to?: Date | null;
}

@ArgsType()
export class AccessLogPageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 1000.' })
  @Min(1)
  @Max(1000)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}
